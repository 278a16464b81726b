namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// A venue whose submits never leave the process (they wait until the caller gives up), while lookups, fills and
/// cancels go to the real venue behind it: a node that dies with its submit still in hand.
/// </summary>
public sealed class HeldSubmitVenue(IVenue inner) : IVenue
{
    private int _held;

    public string Name => "held-" + inner.Name;

    /// <summary>Submits that were held (and so never reached the venue).</summary>
    public int Held => Volatile.Read(ref _held);

    public async Task<VenueSubmitResult> SubmitAsync(VenueOrderRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _held);
        await Task.Delay(Timeout.Infinite, ct);
        throw new OperationCanceledException(ct);
    }

    public Task<VenueCancelResult> CancelAsync(string exchangeOrderId, CancellationToken ct) => inner.CancelAsync(exchangeOrderId, ct);

    public Task<VenueOrderLookup> FindOrderAsync(string ticker, string clientOrderId, CancellationToken ct) => inner.FindOrderAsync(ticker, clientOrderId, ct);

    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(string exchangeOrderId, CancellationToken ct) => inner.GetFillsAsync(exchangeOrderId, ct);

    public void Subscribe(IVenueListener listener) => inner.Subscribe(listener);
}
