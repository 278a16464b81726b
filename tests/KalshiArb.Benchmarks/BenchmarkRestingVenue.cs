using KalshiArb.Domain.Venues;

namespace KalshiArb.Benchmarks;

/// <summary>
/// A BENCHMARK-ONLY venue for the recovery harness: plays an exchange on which every order we ask about rests
/// unfilled (as the orders of a node killed mid-trade would), and counts the orders that asked. No I/O.
/// </summary>
public sealed class BenchmarkRestingVenue : IVenue
{
    private readonly ConcurrentDictionary<string, long> _lookedUp = new(StringComparer.Ordinal);
    private long _submits;

    public string Name => "benchmark-resting";

    /// <summary>Distinct client order ids looked up (= orders that reconciled).</summary>
    public int LookedUp => _lookedUp.Count;

    public long Submits => Interlocked.Read(ref _submits);

    public Task<VenueSubmitResult> SubmitAsync(VenueOrderRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _submits);
        return Task.FromResult(new VenueSubmitResult(VenueResultKind.Accepted, "rest-" + request.ClientOrderId, VenueOrderStatus.Resting,
            Quantity.Zero, request.Count, null));
    }

    public Task<VenueCancelResult> CancelAsync(string exchangeOrderId, CancellationToken ct) =>
        Task.FromResult(new VenueCancelResult(VenueResultKind.Accepted, Quantity.Zero, null));

    public Task<VenueOrderLookup> FindOrderAsync(string ticker, string clientOrderId, CancellationToken ct)
    {
        _lookedUp.TryAdd(clientOrderId, Environment.TickCount64);
        return Task.FromResult(VenueOrderLookup.Found(new VenueOrderState("rest-" + clientOrderId, clientOrderId, ticker, Domain.Orders.OutcomeSide.Yes,
            Price.FromCents(50), VenueOrderStatus.Resting, Quantity.FromContracts(1), Quantity.Zero, Quantity.FromContracts(1))));
    }

    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(string exchangeOrderId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<VenueFill>>([]);

    public void Subscribe(IVenueListener listener)
    {
        // Nothing is ever pushed.
    }
}
