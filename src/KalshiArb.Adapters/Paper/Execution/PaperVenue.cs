using KalshiArb.Actors.Venues;
using KalshiArb.Actors.Venues.Paper;
using KalshiArb.Adapters.Common;
using KalshiArb.Adapters.Paper.Config;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;
using KalshiArb.Domain.Matching;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Paper;

namespace KalshiArb.Adapters.Paper.Execution;

/// <summary>
/// Paper trading against the live Kalshi book: one <see cref="PaperFillModel"/> per market, fed by the market
/// side (snapshots, deltas, trades, lifecycle) through the Apply*/Close/Settle methods. Thread-safe: one lock
/// guards all state and every call under it is short (no I/O, no waiting); listeners are called from a
/// separate loop. Orders and cancels wait <see cref="PaperVenueOptions.OrderLatency"/> (+ jitter) on the
/// caller's async path before they reach the book.
/// Money: a fill costs notional plus its per-fill fee; a resting order holds its remainder's notional plus the
/// worst-case taker fee; buying the other side of a held position nets it ($1 per YES+NO pair back to cash);
/// settlement pays $1 per winning contract (or the scalar value).
/// Expiry: a request whose ExpiresAtMs has already come is refused; a resting order is canceled when it comes, by a
/// timer on the venue's clock and before any call that could fill it or read it, so it never trades late.
/// </summary>
public sealed class PaperVenue : IVenue, IPaperBooks, IAsyncDisposable
{
    private readonly PaperVenueOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PaperMarket> _markets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PriceGrid Grid, FeeSchedule Fees, bool Fractional)> _marketRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaperVenueOrder?> _byClientId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaperVenueOrder> _byOrderId = new(StringComparer.Ordinal);
    private readonly VenueEventPump _pump = new();
    private readonly Random _jitter;
    private readonly PriorityQueue<PaperVenueOrder, long> _expiries = new();
    private readonly ITimer _expiryTimer;
    private long? _expiryTimerDueMs;
    private Money _cash;

    public PaperVenue(PaperVenueOptions options, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _jitter = new Random(options.Seed);
        _cash = options.StartingBalance;
        _expiryTimer = _clock.CreateTimer(_ => OnExpiryTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Name => _options.Name;

    /// <summary>Cash in the paper account (what settled fills left).</summary>
    public Money Cash
    {
        get { lock (_gate) return _cash; }
    }

    /// <summary>Cash minus what resting orders hold: what a new order may spend.</summary>
    public Money AvailableBalance
    {
        get
        {
            lock (_gate)
            {
                ExpireDueLocked();
                return _cash - Held();
            }
        }
    }

    /// <summary>Signed position (&gt; 0 YES, &lt; 0 NO) in <paramref name="ticker"/>.</summary>
    public Quantity PositionOf(string ticker)
    {
        lock (_gate) return _markets.TryGetValue(ticker, out var m) ? m.Position : Quantity.Zero;
    }

    public PaperMarketStatus StatusOf(string ticker)
    {
        lock (_gate) return _markets.TryGetValue(ticker, out var m) ? m.Status : PaperMarketStatus.Open;
    }

    /// <summary>Listener calls that threw.</summary>
    public long ListenerFailures => _pump.ListenerFailures;

    /// <summary>
    /// Sets a market's price grid, fee rule and whether it takes fractional counts (false: whole contracts in and whole
    /// contracts filled); takes effect if called before the market's first event.
    /// </summary>
    public void ConfigureMarket(string ticker, PriceGrid grid, FeeSchedule fees, bool fractionalTrading = false)
    {
        lock (_gate) _marketRules[ticker] = (grid, fees, fractionalTrading);
    }

    // ---- fed by the market side ----

    public BookUpdateResult ApplySnapshot(string ticker, long seq, ReadOnlySpan<BookLevel> yesBids, ReadOnlySpan<BookLevel> noBids)
    {
        lock (_gate) return Market(ticker).Model.ApplySnapshot(seq, yesBids, noBids);
    }

    public BookUpdateResult ApplyDelta(string ticker, long seq, OutcomeSide side, Price price, Quantity delta)
    {
        lock (_gate) return Market(ticker).Model.ApplyDelta(seq, side, price, delta);
    }

    /// <summary>The feed lost the book (gap, disconnect): new paper orders there are refused until a snapshot.</summary>
    public void InvalidateBook(string ticker)
    {
        lock (_gate) Market(ticker).Model.Invalidate();
    }

    /// <summary>A public trade; <paramref name="takerSide"/> = the outcome the taker bought (Kalshi taker_side).</summary>
    public void ApplyTrade(string ticker, Price yesPrice, Quantity count, OutcomeSide takerSide, long timestampMs)
    {
        lock (_gate)
        {
            ExpireDueLocked();
            var market = Market(ticker);
            if (market.Status != PaperMarketStatus.Open) return;
            var result = market.Model.ApplyTrade(yesPrice, count, takerSide, timestampMs);
            foreach (var fill in result.Fills) Record(market, fill);
            foreach (var order in result.UpdatedOrders) Publish(market, order);
        }
    }

    /// <summary>Market closed or paused: resting paper orders are canceled and new ones refused (MarketInactive).</summary>
    public void CloseMarket(string ticker, long timestampMs)
    {
        lock (_gate)
        {
            var market = Market(ticker);
            if (market.Status == PaperMarketStatus.Open) market.Status = PaperMarketStatus.Closed;
            CancelAll(market, timestampMs);
        }
    }

    /// <summary>Market (re)activated: orders are accepted again (not after settlement).</summary>
    public void OpenMarket(string ticker)
    {
        lock (_gate)
        {
            var market = Market(ticker);
            if (market.Status == PaperMarketStatus.Closed) market.Status = PaperMarketStatus.Open;
        }
    }

    /// <summary>
    /// Settles the market once: each YES contract is paid <paramref name="yesValue"/> and each NO contract 1 − it
    /// ($1 per winning contract for a yes/no result: <see cref="Price.One"/> = YES won, <see cref="Price.Zero"/> = NO won).
    /// Returns the amount credited (zero when already settled).
    /// </summary>
    public Money SettleMarket(string ticker, Price yesValue, long timestampMs)
    {
        if (!yesValue.IsValid) throw new ArgumentOutOfRangeException(nameof(yesValue), yesValue, "settlement value outside 0..1");
        lock (_gate)
        {
            var market = Market(ticker);
            if (market.Status == PaperMarketStatus.Settled) return Money.Zero;
            CancelAll(market, timestampMs);
            var payout = Money.Notional(yesValue, market.Yes) + Money.Notional(yesValue.Complement, market.No);
            _cash += payout;
            market.Yes = Quantity.Zero;
            market.No = Quantity.Zero;
            market.Status = PaperMarketStatus.Settled;
            return payout;
        }
    }

    // ---- IVenue ----

    public async Task<VenueSubmitResult> SubmitAsync(VenueOrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.ClientOrderId))
            return VenueSubmitResult.Rejected(VenueResultKind.InvalidOrder, "client order id required");
        lock (_gate)
        {
            // claimed before the latency so a concurrent repeat cannot create a second order
            if (!_byClientId.TryAdd(request.ClientOrderId, null))
                return VenueSubmitResult.Rejected(VenueResultKind.AlreadyExists, "order_already_exists");
        }

        try
        {
            await TravelAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the order never reached the book: free its client id so a lookup and a retry agree ("not found")
            lock (_gate) _byClientId.Remove(request.ClientOrderId);
            throw;
        }

        lock (_gate)
        {
            var result = SubmitLocked(request);
            // a refused create leaves no order behind, so its client id stays free (an accepted one never is)
            if (!result.IsAccepted) _byClientId.Remove(request.ClientOrderId);
            return result;
        }
    }

    public async Task<VenueCancelResult> CancelAsync(string exchangeOrderId, CancellationToken ct)
    {
        await TravelAsync(ct).ConfigureAwait(false);
        lock (_gate)
        {
            var now = ExpireDueLocked();
            if (!_byOrderId.TryGetValue(exchangeOrderId, out var record))
                return new VenueCancelResult(VenueResultKind.NotFound, Quantity.Zero, "not_found");
            var market = _markets[record.Ticker];
            var remaining = market.Model.TryGetOrder(exchangeOrderId, out var before) ? before!.RemainingCount : Quantity.Zero;
            var result = market.Model.Cancel(exchangeOrderId, now);
            if (!result.IsAccepted)
                return new VenueCancelResult(VenueResultKind.NotFound, Quantity.Zero, "order is no longer resting");
            Publish(market, result.Order!);
            return new VenueCancelResult(VenueResultKind.Accepted, remaining, null);
        }
    }

    public Task<VenueOrderLookup> FindOrderAsync(string ticker, string clientOrderId, CancellationToken ct)
    {
        lock (_gate)
        {
            ExpireDueLocked();
            if (!_byClientId.TryGetValue(clientOrderId, out var record) || record is null || record.Ticker != ticker)
                return Task.FromResult(VenueOrderLookup.NotFound);
            _markets[record.Ticker].Model.TryGetOrder(record.OrderId, out var order);
            return Task.FromResult(VenueOrderLookup.Found(ToState(record.Ticker, order!)));
        }
    }

    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(string exchangeOrderId, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<VenueFill> fills = _byOrderId.TryGetValue(exchangeOrderId, out var record) ? record.Fills.ToArray() : [];
            return Task.FromResult(fills);
        }
    }

    public void Subscribe(IVenueListener listener) => _pump.Subscribe(listener);

    public async ValueTask DisposeAsync()
    {
        await _expiryTimer.DisposeAsync().ConfigureAwait(false);
        await _pump.DisposeAsync().ConfigureAwait(false);
    }

    // ---- internals (all under _gate) ----

    private VenueSubmitResult SubmitLocked(VenueOrderRequest request)
    {
        var now = ExpireDueLocked();
        var market = Market(request.Ticker);
        if (market.Status != PaperMarketStatus.Open)
            return VenueSubmitResult.Rejected(VenueResultKind.MarketInactive, $"market {request.Ticker} is {market.Status}");
        // as the exchange simulator: an order that arrives at or after its own end of life is refused, never traded
        if (request.ExpiresAtMs is { } expires && expires <= now)
            return VenueSubmitResult.Rejected(VenueResultKind.InvalidOrder, $"expiration_time is in the past ({now - expires} ms ago)");
        if (request.ReduceOnly && (request.Side == OutcomeSide.Yes ? market.No : market.Yes) < request.Count)
            return VenueSubmitResult.Rejected(VenueResultKind.InvalidOrder, "reduce only order would increase the position");

        var tif = request.TimeInForce;
        if (request.Count.IsPositive && request.LimitPrice.Ticks is > 0 and < Price.TicksPerDollar)
        {
            var required = Hold(market, request.LimitPrice, request.Count);
            var available = _cash - Held();
            if (required > available)
                return VenueSubmitResult.Rejected(VenueResultKind.InsufficientBalance,
                    $"insufficient_balance: needs {required.ToWire()}, available {available.ToWire()}");
        }

        var result = market.Model.Submit(
            new PaperOrderRequest(request.Side, request.LimitPrice, request.Count, tif, request.PostOnly, request.ClientOrderId), now);
        if (!result.IsAccepted) return VenueSubmitResult.Rejected(Map(result.Reject), $"{result.Reject}");

        var order = result.Order!;
        var record = new PaperVenueOrder(request.Ticker, order.OrderId, request.ClientOrderId);
        _byClientId[request.ClientOrderId] = record;
        _byOrderId[order.OrderId] = record;
        foreach (var fill in result.Fills) Record(market, fill);
        Publish(market, order);
        if (request.ExpiresAtMs is { } expiresAt && order.IsResting)
        {
            _expiries.Enqueue(record, expiresAt);
            ArmExpiryTimer(now);
        }
        return new VenueSubmitResult(VenueResultKind.Accepted, order.OrderId, MapStatus(order.Status), order.FilledCount, order.RemainingCount, null);
    }

    private static VenueResultKind Map(PaperRejectReason reason) => reason switch
    {
        PaperRejectReason.InvalidPrice or PaperRejectReason.OffPriceGrid => VenueResultKind.InvalidPrice,
        PaperRejectReason.UnknownOrder => VenueResultKind.NotFound,
        // no whole live book to fill against: a transient condition, not a property of the order
        PaperRejectReason.BookNotWhole => VenueResultKind.ServerError,
        _ => VenueResultKind.InvalidOrder,
    };

    private static VenueOrderStatus MapStatus(EngineOrderStatus status) => status switch
    {
        EngineOrderStatus.Resting => VenueOrderStatus.Resting,
        EngineOrderStatus.Executed => VenueOrderStatus.Executed,
        _ => VenueOrderStatus.Canceled,
    };

    private PaperMarket Market(string ticker)
    {
        if (_markets.TryGetValue(ticker, out var market)) return market;
        var (grid, fees, fractional) = _marketRules.TryGetValue(ticker, out var rules) ? rules : (_options.Grid, _options.Fees, _options.FractionalTrading);
        market = new PaperMarket(ticker, new PaperFillModel(grid, fees, $"{_options.OrderIdPrefix}{ticker}-", $"{_options.OrderIdPrefix}{ticker}-T",
            fractional));
        _markets.Add(ticker, market);
        return market;
    }

    private FeeSchedule FeesOf(PaperMarket market) =>
        _marketRules.TryGetValue(market.Ticker, out var rules) ? rules.Fees : _options.Fees;

    /// <summary>What a buy may still cost: notional at the limit plus the worst-case (taker) fee.</summary>
    private Money Hold(PaperMarket market, Price limit, Quantity count) =>
        Money.Notional(limit, count) + FeesOf(market).TakerFee(count, limit);

    private Money Held()
    {
        var total = Money.Zero;
        foreach (var market in _markets.Values)
            foreach (var order in market.Model.RestingOrders)
                total += Hold(market, order.Limit, order.RemainingCount);
        return total;
    }

    private void Record(PaperMarket market, PaperFill fill)
    {
        _cash -= fill.Cost;
        // Kalshi keeps one net position: buying the side opposite a holding closes pairs worth $1 each
        var held = fill.Side == OutcomeSide.Yes ? market.No : market.Yes;
        var pairs = Quantity.Min(held, fill.Count);
        _cash += Money.Notional(Price.One, pairs);
        if (fill.Side == OutcomeSide.Yes)
        {
            market.No -= pairs;
            market.Yes += fill.Count - pairs;
        }
        else
        {
            market.Yes -= pairs;
            market.No += fill.Count - pairs;
        }

        var venueFill = new VenueFill(fill.TradeId, fill.OrderId, fill.ClientOrderId, market.Ticker, fill.Side, fill.Price,
            fill.Count, fill.Fee, fill.IsTaker, fill.TimestampMs);
        _byOrderId[fill.OrderId].Fills.Add(venueFill);
        _pump.Publish(venueFill);
    }

    private void CancelAll(PaperMarket market, long timestampMs)
    {
        foreach (var order in market.Model.CancelAll(timestampMs).UpdatedOrders) Publish(market, order);
    }

    private void Publish(PaperMarket market, PaperOrder order) =>
        _pump.Publish(new VenueOrderUpdate(ToState(market.Ticker, order), order.LastUpdateTimestampMs));

    private static VenueOrderState ToState(string ticker, PaperOrder order) => new(
        order.OrderId, order.ClientOrderId ?? "", ticker, order.Side, order.Limit, MapStatus(order.Status),
        order.InitialCount, order.FilledCount, order.RemainingCount);

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private void OnExpiryTimer()
    {
        lock (_gate)
        {
            // fired (maybe a hair early by the clock): forget the armed time so the sweep re-arms whatever is left
            _expiryTimerDueMs = null;
            ExpireDueLocked();
        }
    }

    /// <summary>Cancels every resting order whose ExpiresAtMs has come and tells listeners; returns now.</summary>
    private long ExpireDueLocked()
    {
        var now = NowMs();
        while (_expiries.TryPeek(out var record, out var expiresAt) && expiresAt <= now)
        {
            _expiries.Dequeue();
            var market = _markets[record.Ticker];
            // an order already ended (filled, canceled, market closed) is simply gone from the book
            var result = market.Model.Cancel(record.OrderId, now);
            if (result.IsAccepted) Publish(market, result.Order!);
        }
        ArmExpiryTimer(now);
        return now;
    }

    /// <summary>One timer, due at the earliest pending expiry.</summary>
    private void ArmExpiryTimer(long now)
    {
        long? due = _expiries.TryPeek(out _, out var next) ? next : null;
        if (due == _expiryTimerDueMs) return;
        _expiryTimerDueMs = due;
        _expiryTimer.Change(due is { } at ? TimeSpan.FromMilliseconds(Math.Max(1, at - now)) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The latency model: the order (or cancel) is on its way to the book for this long.</summary>
    private Task TravelAsync(CancellationToken ct)
    {
        TimeSpan delay;
        lock (_gate)
        {
            delay = _options.OrderLatency;
            if (_options.LatencyJitter > TimeSpan.Zero)
                delay += TimeSpan.FromTicks((long)(_jitter.NextDouble() * _options.LatencyJitter.Ticks));
        }
        return delay > TimeSpan.Zero ? Task.Delay(delay, _clock, ct) : Task.CompletedTask;
    }
}
