using KalshiArb.Domain.Venues;

namespace KalshiArb.Benchmarks;

/// <summary>
/// A BENCHMARK-ONLY venue: accepts every order at once (resting, nothing filled) and never does I/O, so a
/// latency measured up to <see cref="SubmitAsync"/> is our own path (risk gate + journal writes + actor hops),
/// not a venue's. It stamps the moment SubmitAsync is entered, keyed by client order id (= execution id).
/// Never use it for anything but measurement.
/// </summary>
public sealed class BenchmarkInstantVenue : IVenue
{
    private readonly ConcurrentDictionary<string, long> _submittedAt = new(StringComparer.Ordinal);
    private long _orderIds;

    public string Name => "benchmark-instant";

    /// <summary>Stopwatch timestamp of the first SubmitAsync call per client order id.</summary>
    public IReadOnlyDictionary<string, long> SubmittedAt => _submittedAt;

    public int SubmitCount => _submittedAt.Count;

    /// <summary>Raised (on the caller's thread) after each first submit of a client order id.</summary>
    public event Action<string, long>? Submitted;

    public Task<VenueSubmitResult> SubmitAsync(VenueOrderRequest request, CancellationToken ct)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_submittedAt.TryAdd(request.ClientOrderId, now))
            return Task.FromResult(VenueSubmitResult.Rejected(VenueResultKind.AlreadyExists, "benchmark venue: repeat client id"));
        Submitted?.Invoke(request.ClientOrderId, now);
        var id = "bench-" + Interlocked.Increment(ref _orderIds);
        return Task.FromResult(new VenueSubmitResult(VenueResultKind.Accepted, id, VenueOrderStatus.Resting,
            Quantity.Zero, request.Count, null));
    }

    public Task<VenueCancelResult> CancelAsync(string exchangeOrderId, CancellationToken ct) =>
        Task.FromResult(new VenueCancelResult(VenueResultKind.Accepted, Quantity.Zero, null));

    public Task<VenueOrderLookup> FindOrderAsync(string ticker, string clientOrderId, CancellationToken ct) =>
        Task.FromResult(VenueOrderLookup.NotFound);

    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(string exchangeOrderId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<VenueFill>>([]);

    public void Subscribe(IVenueListener listener)
    {
        // Nothing is ever pushed: orders rest forever in this venue.
    }
}
