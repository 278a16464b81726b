using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Exchange.Catalog;
using KalshiArb.Exchange.Faults;
using KalshiArb.Exchange.Streaming;

namespace KalshiArb.Exchange.Markets;

/// <summary>
/// One market: the domain matching engine plus status, last trade, volume and open interest, all behind one
/// lock. Every change is booked to the accounts and fanned out to WS subscribers before the lock is released,
/// so feeds see events in engine order and per-sid seq numbers never interleave. Orders with an expiration_time
/// are canceled once it has come: on every tick, and before any call reads or changes the book, so none trades late.
/// </summary>
internal sealed class MarketRuntime
{
    private readonly Lock _gate = new();
    private readonly MatchingEngine _engine;
    private readonly ScheduleFillFeeModel _fees;
    private readonly IReadOnlyDictionary<string, AccountLedger> _accounts;
    private readonly StreamHub _hub;
    private readonly TradeTape _tape;
    private readonly FaultController _faults;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _cancelLag;
    private MarketStatus _status = MarketStatus.Active;
    private string _result = "";
    private Price? _settlementValue;
    private Price? _lastPrice;
    private Quantity _volume;
    private Quantity _openInterest;
    private BookTop _publishedTop;

    /// <summary>Expiration times of orders that rested with one (stale entries of orders ended otherwise are harmless).</summary>
    private readonly PriorityQueue<long, long> _expiries = new();

    public MarketRuntime(
        int index,
        MarketInfo info,
        SeriesInfo series,
        IReadOnlyDictionary<string, AccountLedger> accounts,
        StreamHub hub,
        TradeTape tape,
        FaultController faults,
        TimeProvider clock,
        TimeSpan cancelLag)
    {
        Info = info;
        Series = series;
        var feeType = series.FeeType == ExchangeCatalog.GameFeeType ? FeeType.QuadraticWithMakerFees : FeeType.Quadratic;
        _fees = new ScheduleFillFeeModel(new FeeSchedule(feeType, (int)(series.FeeMultiplier * FeeSchedule.MultiplierOne)));
        _engine = new MatchingEngine(info.Grid, _fees, $"o{index}-", $"t{index}-");
        _accounts = accounts;
        _hub = hub;
        _tape = tape;
        _faults = faults;
        _clock = clock;
        _cancelLag = cancelLag;
    }

    public MarketInfo Info { get; }
    public SeriesInfo Series { get; }
    public string Ticker => Info.Ticker;
    public FeeSchedule Fees => _fees.Schedule;

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    // ------------------------------------------------------------------ orders

    public OrderActionResult Submit(AccountLedger account, OrderRequest request)
    {
        lock (_gate)
        {
            var now = ExpireDueLocked();
            if (_status != MarketStatus.Active)
                return OrderActionResult.Reject(ExchangeRejectCode.MarketInactive, $"market {Ticker} is {_status.ToWire()}, not open for trading", now);
            if (!IsTradablePrice(request.YesPrice))
                return OrderActionResult.Reject(ExchangeRejectCode.InvalidPrice, $"price {request.YesPrice.ToWire()} is not on the market's price_ranges", now);
            if (request.Count.Hundredths <= 0)
                return OrderActionResult.Reject(ExchangeRejectCode.InvalidParameters, "count must be positive", now);
            if (FractionalRefusal(request.Count, now) is { } fractional) return fractional;
            // Kalshi's FIX docs treat a good-till-date order whose time has passed as immediate-or-cancel. The simulator
            // refuses it instead (conservative): an order sent past its own end of life is a client bug to surface,
            // and it must not trade.
            if (request.ExpirationTimestampMs is { } expires && expires <= now)
                return OrderActionResult.Reject(ExchangeRejectCode.InvalidOrder, "expiration_time is in the past", now);

            var ownPrice = request.Side == OrderSide.Bid ? request.YesPrice : request.YesPrice.Complement;
            var held = ReservationFor(ownPrice, request.Count, request.YesPrice);
            var hold = account.TryHoldForNew(request.ClientOrderId, held);
            if (hold != ExchangeRejectCode.None)
            {
                return OrderActionResult.Reject(hold, hold == ExchangeRejectCode.OrderAlreadyExists
                    ? $"client_order_id {request.ClientOrderId} was already used"
                    : $"order needs {held.ToWire()} but only {account.Available.ToWire()} is available", now);
            }

            var order = new NewOrder(account.AccountId, request.Side, request.YesPrice, request.Count,
                request.TimeInForce, request.SelfTradePrevention, request.PostOnly, request.ClientOrderId, request.ExpirationTimestampMs);
            var result = _engine.Submit(order, now);
            if (!result.IsAccepted)
            {
                account.ReleaseHold(request.ClientOrderId, held);
                return RejectFromEngine(result.Reject, now);
            }
            if (request.ExpirationTimestampMs is { } expiresAt && result.Order!.Status == EngineOrderStatus.Resting)
                _expiries.Enqueue(expiresAt, expiresAt);
            var cost = Book(result, now, account, held);
            return new OrderActionResult(result.Order, null, Quantity.Zero, cost, now);
        }
    }

    public OrderActionResult Cancel(AccountLedger account, string orderId)
    {
        lock (_gate)
        {
            var now = ExpireDueLocked();
            if (!OwnsLiveOrder(account, orderId, out var before)) return NotFound(orderId, now);
            var result = _engine.Cancel(orderId, now);
            if (!result.IsAccepted) return RejectFromEngine(result.Reject, now);
            if (_cancelLag > TimeSpan.Zero) account.MarkCancelAcknowledged(orderId, before, now);
            Book(result, now, account, null);
            return new OrderActionResult(result.Order, null, before.RemainingCount, Money.Zero, now);
        }
    }

    public OrderActionResult Decrease(AccountLedger account, string orderId, Quantity? reduceBy, Quantity? reduceTo)
    {
        lock (_gate)
        {
            var now = ExpireDueLocked();
            if (!OwnsLiveOrder(account, orderId, out var before)) return NotFound(orderId, now);
            if (FractionalRefusal(reduceBy ?? reduceTo!.Value, now) is { } fractional) return fractional;
            var result = reduceBy is { } by ? _engine.DecreaseBy(orderId, by, now) : _engine.DecreaseTo(orderId, reduceTo!.Value, now);
            if (!result.IsAccepted) return RejectFromEngine(result.Reject, now);
            Book(result, now, account, null);
            return new OrderActionResult(result.Order, null, before.RemainingCount - result.Order!.RemainingCount, Money.Zero, now);
        }
    }

    /// <summary>New YES price and new total count (filled + remaining). Re-pricing loses queue priority and may trade.</summary>
    public OrderActionResult Amend(AccountLedger account, string orderId, Price yesPrice, Quantity count)
    {
        lock (_gate)
        {
            var now = ExpireDueLocked();
            if (_status != MarketStatus.Active)
                return OrderActionResult.Reject(ExchangeRejectCode.MarketInactive, $"market {Ticker} is {_status.ToWire()}", now);
            if (!OwnsLiveOrder(account, orderId, out var before)) return NotFound(orderId, now);
            if (!IsTradablePrice(yesPrice))
                return OrderActionResult.Reject(ExchangeRejectCode.InvalidPrice, $"price {yesPrice.ToWire()} is not on the market's price_ranges", now);
            if (FractionalRefusal(count, now) is { } fractional) return fractional;

            var ownPrice = before.Side == OrderSide.Bid ? yesPrice : yesPrice.Complement;
            var newRemaining = count - before.FilledCount;
            var extra = newRemaining.IsPositive
                ? ReservationFor(ownPrice, newRemaining, yesPrice) - ReservationFor(before.OutcomePrice, before.RemainingCount, before.YesPrice)
                : Money.Zero;
            if (extra < Money.Zero) extra = Money.Zero;
            if (extra > Money.Zero)
            {
                var hold = account.TryHoldForNew(null, extra);
                if (hold != ExchangeRejectCode.None)
                    return OrderActionResult.Reject(hold, $"amend needs {extra.ToWire()} more than is available", now);
            }
            var result = _engine.Amend(orderId, yesPrice, count, now);
            if (extra > Money.Zero) account.ReleaseHold(null, extra);
            if (!result.IsAccepted) return RejectFromEngine(result.Reject, now);
            var cost = Book(result, now, account, null);
            return new OrderActionResult(result.Order, null, Quantity.Zero, cost, now);
        }
    }

    /// <summary>Orders of simulated liquidity: no ownership records, no balance.</summary>
    internal EngineOrder? SubmitSynthetic(AccountLedger account, in NewOrder order)
    {
        lock (_gate)
        {
            if (_status != MarketStatus.Active) return null;
            var now = ExpireDueLocked();
            var result = _engine.Submit(order, now);
            if (!result.IsAccepted) return null;
            Book(result, now, account, Money.Zero);
            return result.Order;
        }
    }

    internal void CancelSynthetic(AccountLedger account, string orderId)
    {
        lock (_gate)
        {
            var now = ExpireDueLocked();
            var result = _engine.Cancel(orderId, now);
            if (result.IsAccepted) Book(result, now, account, null);
        }
    }

    internal bool IsLive(string orderId)
    {
        lock (_gate)
        {
            ExpireDueLocked();
            return _engine.TryGetOrder(orderId, out _);
        }
    }

    /// <summary>Cancels the resting orders whose expiration_time has come (the exchange's tick runs this).</summary>
    public void ExpireDue()
    {
        lock (_gate) ExpireDueLocked();
    }

    // ------------------------------------------------------------------ lifecycle

    public MarketStatus Status
    {
        get { lock (_gate) return _status; }
    }

    /// <summary>Stops trading: new orders get MARKET_INACTIVE, resting orders are canceled, lifecycle "deactivated".</summary>
    public bool Close()
    {
        lock (_gate) return CloseLocked(NowMs());
    }

    /// <summary>Determines and settles: $1 (or the scalar value) per winning contract on net positions.</summary>
    public bool Settle(Price yesValue)
    {
        lock (_gate)
        {
            if (_status is MarketStatus.Determined or MarketStatus.Finalized) return false;
            var now = NowMs();
            CloseLocked(now);
            _result = yesValue == Price.One ? "yes" : yesValue == Price.Zero ? "no" : "scalar";
            _settlementValue = yesValue;
            _status = MarketStatus.Determined;
            PublishLifecycle("determined", now, yesValue);
            foreach (var account in _accounts.Values)
            {
                var settled = account.Settle(Ticker, yesValue, now);
                if (settled is not null && !account.Synthetic) PublishPosition(account.AccountId, settled, now);
            }
            _openInterest = Quantity.Zero;
            _status = MarketStatus.Finalized;
            PublishLifecycle("settled", now, yesValue);
            return true;
        }
    }

    private bool CloseLocked(long now)
    {
        if (_status is not (MarketStatus.Active or MarketStatus.Inactive or MarketStatus.Initialized)) return false;
        _status = MarketStatus.Closed;
        var result = _engine.CancelAll(now);
        Book(result, now, null, null);
        PublishLifecycle("deactivated", now, null);
        return true;
    }

    // ------------------------------------------------------------------ reads and subscriptions

    public MarketSnapshot Snapshot(bool withLevels)
    {
        lock (_gate)
        {
            ExpireDueLocked();
            return new MarketSnapshot(Info, _status, _result, TopLocked(), _lastPrice, _volume, _openInterest,
                withLevels ? _engine.Levels(OutcomeSide.Yes) : [],
                withLevels ? _engine.Levels(OutcomeSide.No) : []) { SettlementValue = _settlementValue };
        }
    }

    public BookTop Top()
    {
        lock (_gate)
        {
            ExpireDueLocked();
            return TopLocked();
        }
    }

    /// <summary>Adds the market to an orderbook sid and queues its snapshot with the next seq, atomically with the book.</summary>
    internal void SendBookSnapshot(StreamSession session, StreamSubscription sub, bool addToSubscription)
    {
        lock (_gate)
        {
            ExpireDueLocked();
            var msg = new OrderbookSnapshotMsg(Ticker, LevelsWire(_engine.Levels(OutcomeSide.Yes)), LevelsWire(_engine.Levels(OutcomeSide.No)));
            var payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(msg, WireJson.Options);
            lock (session.Gate)
            {
                if (sub.Removed) return;
                if (addToSubscription) sub.Markets.Add(Ticker);
                else if (!sub.Markets.Contains(Ticker)) return;
                sub.Seq++;
                session.EnqueueLocked(StreamFrames.Data("orderbook_snapshot", sub.Sid, sub.Seq, payload));
            }
        }
    }

    internal static string[][] LevelsWire(IReadOnlyList<BookLevel> levels)
    {
        var result = new string[levels.Count][];
        for (var i = 0; i < levels.Count; i++) result[i] = [levels[i].Price.ToWire(), levels[i].Size.ToWire()];
        return result;
    }

    // ------------------------------------------------------------------ booking and fan-out (lock held)

    /// <summary>
    /// Ends every resting order whose expiration_time is at or before now, booked and published like any exchange
    /// cancel (status canceled, user_orders update, book deltas); returns now. Cheap when nothing is due.
    /// </summary>
    private long ExpireDueLocked()
    {
        var now = NowMs();
        if (!_expiries.TryPeek(out _, out var next) || next > now) return now;
        while (_expiries.TryPeek(out _, out next) && next <= now) _expiries.Dequeue();
        Book(_engine.ExpireDue(now), now, null, null);
        return now;
    }

    /// <summary>
    /// Books an engine result: fills to both accounts, order records and reservations, then WS events.
    /// <paramref name="actor"/> is the account whose request produced it; <paramref name="newOrderHold"/> is set
    /// when its order is new (the hold becomes the order's reservation). Returns what the actor's fills cost.
    /// </summary>
    private Money Book(MatchResult result, long now, AccountLedger? actor, Money? newOrderHold)
    {
        var actorCost = Money.Zero;
        foreach (var fill in result.Fills)
        {
            var maker = Account(fill.MakerAccountId);
            var taker = Account(fill.TakerAccountId);
            var makerApplied = BookFill(maker, fill, isTaker: false, now);
            var takerApplied = BookFill(taker, fill, isTaker: true, now);
            _openInterest += OpenInterestChange(makerApplied) + OpenInterestChange(takerApplied);
            _volume += fill.Count;
            _lastPrice = fill.YesPrice;
            if (actor is not null && taker == actor) actorCost += Money.Notional(fill.PriceFor(fill.TakerSide), fill.Count) + fill.TakerFee;

            _tape.Append(fill.TradeId, Ticker, fill.YesPrice, fill.Count, fill.TakerSide, now);
            _hub.Publish(StreamChannel.Trade, "trade", Ticker, null, new TradeMsg(fill.TradeId, Ticker, fill.YesPrice.ToWire(),
                fill.NoPrice.ToWire(), fill.Count.ToWire(), fill.TakerSide.ToWire(), now));
            PublishFill(maker, fill, false, makerApplied, now);
            PublishFill(taker, fill, true, takerApplied, now);
        }

        if (result.Order is { } order && actor is not null)
        {
            if (newOrderHold is { } hold) actor.TrackNew(Ticker, order, ReservationFor(order), hold, now);
            else actor.UpdateOrder(order, ReservationFor(order), now);
            PublishUserOrder(actor, order, now);
        }
        foreach (var update in result.MakerUpdates)
        {
            var owner = Account(update.AccountId);
            owner.UpdateOrder(update, ReservationFor(update), now);
            PublishUserOrder(owner, update, now);
        }

        if (result.LevelChanges.Count > 0 && _hub.HasSubscribers(StreamChannel.OrderbookDelta))
        {
            foreach (var change in result.LevelChanges)
            {
                var skip = _faults.TakeSeqSkip(Ticker);
                _hub.Publish(StreamChannel.OrderbookDelta, "orderbook_delta", Ticker, null,
                    new OrderbookDeltaMsg(Ticker, change.Price.ToWire(), change.Delta.ToWire(), change.Side.ToWire(), now),
                    sequenced: true, skipSeq: skip);
            }
        }

        var top = TopLocked();
        if (result.Fills.Count > 0 || top != _publishedTop)
        {
            _publishedTop = top;
            _hub.Publish(StreamChannel.Ticker, "ticker", Ticker, null, TickerLocked(top, now));
        }
        return actorCost;
    }

    private FillBooked BookFill(AccountLedger account, Fill fill, bool isTaker, long now)
    {
        var side = isTaker ? fill.TakerSide : fill.MakerSide;
        var fee = isTaker ? fill.TakerFee : fill.MakerFee;
        var orderId = isTaker ? fill.TakerOrderId : fill.MakerOrderId;
        var clientId = isTaker ? fill.TakerClientOrderId : fill.MakerClientOrderId;
        return account.ApplyFill(Ticker, side, fill.PriceFor(side), fill.Count, fee,
            post => new FillRecord($"{fill.TradeId}-{(isTaker ? "t" : "m")}", fill.TradeId, orderId, clientId, Ticker, side,
                fill.YesPrice, fill.Count, isTaker, fee, post, fill.TimestampMs),
            now);
    }

    private void PublishFill(AccountLedger account, Fill fill, bool isTaker, FillBooked applied, long now)
    {
        if (account.Synthetic) return;
        var side = isTaker ? fill.TakerSide : fill.MakerSide;
        _hub.Publish(StreamChannel.Fill, "fill", Ticker, account.AccountId, new FillMsg(
            fill.TradeId,
            isTaker ? fill.TakerOrderId : fill.MakerOrderId,
            Ticker,
            isTaker,
            side.ToWire(),
            side.ToOrderSide().ToWire(),
            fill.YesPrice.ToWire(),
            fill.NoPrice.ToWire(),
            fill.Count.ToWire(),
            (isTaker ? fill.TakerFee : fill.MakerFee).ToWire(),
            applied.After.Position.ToWire(),
            isTaker ? fill.TakerClientOrderId : fill.MakerClientOrderId,
            now));
        PublishPosition(account.AccountId, applied.After, now);
    }

    private void PublishPosition(string accountId, PositionView p, long now) =>
        _hub.Publish(StreamChannel.MarketPositions, "market_position", Ticker, accountId, new MarketPositionMsg(
            Ticker, p.Position.ToWire(), p.CostBasis.ToWire(), p.CostBasis.ToWire(), p.RealizedPnl.ToWire(), p.FeesPaid.ToWire(), now));

    private void PublishUserOrder(AccountLedger account, EngineOrder order, long now)
    {
        if (account.Synthetic) return;
        _hub.Publish(StreamChannel.UserOrders, "user_order", Ticker, account.AccountId, OrderWire.ToDto(Ticker, order, now));
    }

    private void PublishLifecycle(string eventType, long now, Price? yesValue) =>
        _hub.Publish(StreamChannel.MarketLifecycle, "market_lifecycle_v2", Ticker, null,
            new LifecycleMsg(Ticker, eventType, yesValue is null ? null : _result, yesValue?.ToWire(), now));

    private TickerMsg TickerLocked(BookTop top, long now) => new(
        Ticker,
        (_lastPrice ?? Price.Zero).ToWire(),
        (top.YesBid ?? Price.Zero).ToWire(),
        (top.YesAsk ?? Price.One).ToWire(),
        _volume.ToWire(),
        _openInterest.ToWire(),
        now);

    private BookTop TopLocked()
    {
        var yes = _engine.BestBid(OutcomeSide.Yes);
        var no = _engine.BestBid(OutcomeSide.No);
        return new BookTop(yes?.Price, yes?.Size ?? Quantity.Zero, no?.Price, no?.Size ?? Quantity.Zero);
    }

    private static Quantity OpenInterestChange(FillBooked applied) =>
        Quantity.Max(applied.After.Position, Quantity.Zero) - Quantity.Max(applied.Before, Quantity.Zero);

    private AccountLedger Account(string id) =>
        _accounts.TryGetValue(id, out var a) ? a : throw new InvalidOperationException($"engine reported unknown account {id}");

    private bool OwnsLiveOrder(AccountLedger account, string orderId, out EngineOrder before)
    {
        before = null!;
        var view = account.FindOrder(orderId);
        if (view is null || view.Ticker != Ticker) return false;
        if (!_engine.TryGetOrder(orderId, out var live)) return false;
        before = live;
        return true;
    }

    private bool IsTradablePrice(Price yesPrice) =>
        yesPrice.Ticks > 0 && yesPrice.Ticks < Price.TicksPerDollar && Info.Grid.Contains(yesPrice);

    private Money ReservationFor(EngineOrder s) =>
        s.Status == EngineOrderStatus.Resting ? ReservationFor(s.OutcomePrice, s.RemainingCount, s.YesPrice) : Money.Zero;

    /// <summary>Cash a resting buy ties up: its cost plus the worst (taker) fee it could pay.</summary>
    private Money ReservationFor(Price ownPrice, Quantity remaining, Price yesPrice) =>
        remaining.IsPositive ? Money.Notional(ownPrice, remaining) + _fees.Schedule.TakerFee(remaining, yesPrice) : Money.Zero;

    private static OrderActionResult NotFound(string orderId, long now) =>
        OrderActionResult.Reject(ExchangeRejectCode.NotFound, $"order {orderId} not found or no longer resting", now);

    /// <summary>A count with a fraction on a market that trades whole contracts only; null when the count is acceptable.</summary>
    private OrderActionResult? FractionalRefusal(Quantity count, long now) =>
        Info.FractionalTradingEnabled || count.IsWholeContracts
            ? null
            : OrderActionResult.Reject(ExchangeRejectCode.FractionalCountNotAllowed,
                $"count {count.ToWire()} is fractional but market {Ticker} does not have fractional trading enabled", now);

    private static OrderActionResult RejectFromEngine(MatchRejectReason reason, long now) => reason switch
    {
        MatchRejectReason.InvalidPrice or MatchRejectReason.OffPriceGrid => OrderActionResult.Reject(ExchangeRejectCode.InvalidPrice, "invalid price", now),
        MatchRejectReason.PostOnlyCross => OrderActionResult.Reject(ExchangeRejectCode.PostOnlyCross, "post only cross", now),
        MatchRejectReason.DuplicateClientOrderId => OrderActionResult.Reject(ExchangeRejectCode.OrderAlreadyExists, "order already exists", now),
        MatchRejectReason.UnknownOrder => OrderActionResult.Reject(ExchangeRejectCode.NotFound, "order not found", now),
        MatchRejectReason.ExpirationInPast => OrderActionResult.Reject(ExchangeRejectCode.InvalidOrder, "expiration_time is in the past", now),
        _ => OrderActionResult.Reject(ExchangeRejectCode.InvalidParameters, $"invalid order: {reason}", now),
    };
}
