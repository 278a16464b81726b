using KalshiArb.Domain.Fees;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Benchmarks;

/// <summary>
/// A BENCHMARK-ONLY venue: accepts every order and fills it completely at once at its limit price (one taker fill,
/// fee by <see cref="FeeSchedule.StandardTaker"/>, the rule the audit applies to a ticker outside the known game
/// series), never does I/O and pushes nothing: the order learns of its fill from the submit answer (Executed) and
/// fetches it, so a lifecycle measured with it is our own path (risk gate, journal writes, actor hops). A repeated
/// client id answers AlreadyExists, as Kalshi does. Never use it for anything but measurement.
/// It remembers the last <see cref="Remembered"/> orders only: a real venue's memory is not in our process, and keeping
/// every order of a 60 s run (150,000+) made the harness's own heap grow, so the collections it paid for were not ours.
/// A repeat arrives within seconds, far inside that window.
/// </summary>
public sealed class BenchmarkFillingVenue : IVenue
{
    private static readonly FeeSchedule Fees = FeeSchedule.StandardTaker;

    private readonly ConcurrentDictionary<string, Placed> _byClientId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Placed> _byExchangeId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Placed> _oldestFirst = new();
    private long _orderIds;
    private long _submitted;
    private long _fillsFetched;

    private sealed record Placed(string ExchangeOrderId, VenueOrderRequest Request, long AtMs);

    public string Name => "benchmark-filling";

    /// <summary>How many of its newest orders this venue remembers (for repeats, lookups and fills); older ones are forgotten.</summary>
    public const int Remembered = 50_000;

    public long SubmitCount => Interlocked.Read(ref _submitted);

    public long FillsFetched => Interlocked.Read(ref _fillsFetched);

    public Task<VenueSubmitResult> SubmitAsync(VenueOrderRequest request, CancellationToken ct)
    {
        var placed = new Placed("bench-fill-" + Interlocked.Increment(ref _orderIds), request, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        if (!_byClientId.TryAdd(request.ClientOrderId, placed))
            return Task.FromResult(VenueSubmitResult.Rejected(VenueResultKind.AlreadyExists, "benchmark venue: repeat client id"));
        _byExchangeId[placed.ExchangeOrderId] = placed;
        Interlocked.Increment(ref _submitted);
        _oldestFirst.Enqueue(placed);
        while (_oldestFirst.Count > Remembered && _oldestFirst.TryDequeue(out var oldest))
        {
            _byClientId.TryRemove(oldest.Request.ClientOrderId, out _);
            _byExchangeId.TryRemove(oldest.ExchangeOrderId, out _);
        }
        return Task.FromResult(new VenueSubmitResult(VenueResultKind.Accepted, placed.ExchangeOrderId, VenueOrderStatus.Executed,
            request.Count, Quantity.Zero, null));
    }

    public Task<VenueCancelResult> CancelAsync(string exchangeOrderId, CancellationToken ct) =>
        Task.FromResult(new VenueCancelResult(VenueResultKind.Accepted, Quantity.Zero, null));

    public Task<VenueOrderLookup> FindOrderAsync(string ticker, string clientOrderId, CancellationToken ct) =>
        Task.FromResult(_byClientId.TryGetValue(clientOrderId, out var p)
            ? VenueOrderLookup.Found(new VenueOrderState(p.ExchangeOrderId, clientOrderId, p.Request.Ticker, p.Request.Side,
                p.Request.LimitPrice, VenueOrderStatus.Executed, p.Request.Count, p.Request.Count, Quantity.Zero))
            : VenueOrderLookup.NotFound);

    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(string exchangeOrderId, CancellationToken ct)
    {
        if (!_byExchangeId.TryGetValue(exchangeOrderId, out var p)) return Task.FromResult<IReadOnlyList<VenueFill>>([]);
        Interlocked.Increment(ref _fillsFetched);
        var r = p.Request;
        var fill = new VenueFill("bench-trade-" + p.ExchangeOrderId, p.ExchangeOrderId, r.ClientOrderId, r.Ticker, r.Side, r.LimitPrice, r.Count,
            Fees.FillFee(FeeRole.Taker, r.Count, r.LimitPrice), IsTaker: true, p.AtMs);
        return Task.FromResult<IReadOnlyList<VenueFill>>([fill]);
    }

    public void Subscribe(IVenueListener listener)
    {
        // Nothing is pushed: every fill is known from the submit answer.
    }
}
