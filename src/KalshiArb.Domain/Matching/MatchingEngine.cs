using KalshiArb.Domain.Book;

namespace KalshiArb.Domain.Matching;

/// <summary>
/// Price-time priority matching for one binary market, Kalshi style: YES bids and NO bids, where a
/// YES bid at y and a NO bid at n cross when y + n ≥ $1. Trades print at the resting (maker) price.
/// Deterministic: no clock (every call takes the caller's timestamp) and ids come from counters
/// with the prefixes given here, so the same call sequence yields the same results.
/// Not thread-safe: one owner (an actor, the simulator's market loop) calls it.
/// </summary>
public sealed class MatchingEngine
{
    private const int One = Price.TicksPerDollar;

    private readonly PriceGrid _grid;
    private readonly IFillFeeModel _fees;
    private readonly string _orderIdPrefix;
    private readonly string _tradeIdPrefix;
    private readonly OrderQueueLadder _yes = new();
    private readonly OrderQueueLadder _no = new();
    private readonly Dictionary<string, RestingOrder> _live = new(StringComparer.Ordinal);
    private readonly HashSet<(string Account, string ClientOrderId)> _clientIds = [];
    private readonly List<LevelChange> _changes = [];
    private long _nextOrder;
    private long _nextTrade;

    // Per-operation outputs, allocated only when something happens.
    private List<Fill>? _fills;
    private List<EngineOrder>? _makerUpdates;

    public MatchingEngine(PriceGrid grid, IFillFeeModel fees, string orderIdPrefix = "O", string tradeIdPrefix = "T")
    {
        _grid = grid ?? throw new ArgumentNullException(nameof(grid));
        _fees = fees ?? throw new ArgumentNullException(nameof(fees));
        _orderIdPrefix = orderIdPrefix ?? throw new ArgumentNullException(nameof(orderIdPrefix));
        _tradeIdPrefix = tradeIdPrefix ?? throw new ArgumentNullException(nameof(tradeIdPrefix));
    }

    public PriceGrid Grid => _grid;

    /// <summary>Number of orders resting in the book.</summary>
    public int RestingOrderCount => _live.Count;

    /// <summary>Book level changes of the last operation (same list as that result's LevelChanges).</summary>
    public IReadOnlyList<LevelChange> LastLevelChanges { get; private set; } = [];

    // ---------------------------------------------------------------- submit

    public MatchResult Submit(in NewOrder order, long timestampMs)
    {
        BeginOperation();
        var reject = Validate(order, timestampMs);
        if (reject != MatchRejectReason.None) return Finish(MatchResult.Rejected(reject));

        var side = order.Side.ToOutcomeSide();
        var ticks = side == OutcomeSide.Yes ? order.YesPrice.Ticks : One - order.YesPrice.Ticks;
        var opposite = Ladder(side.Opposite());
        var minCross = One - ticks;

        if (order.PostOnly && opposite.Best >= minCross)
            return Finish(MatchResult.Rejected(MatchRejectReason.PostOnlyCross));

        if (order.ClientOrderId is not null) _clientIds.Add((order.AccountId, order.ClientOrderId));

        var taker = new RestingOrder
        {
            OrderId = _orderIdPrefix + (++_nextOrder).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ClientOrderId = order.ClientOrderId,
            AccountId = order.AccountId,
            BookSide = side,
            TimeInForce = order.TimeInForce,
            SelfTradePrevention = order.SelfTradePrevention,
            PostOnly = order.PostOnly,
            CreatedTimestampMs = timestampMs,
            ExpirationTimestampMs = order.ExpirationTimestampMs,
            BookTicks = ticks,
            Initial = order.Count.Hundredths,
            Remaining = order.Count.Hundredths,
            LastUpdateTimestampMs = timestampMs,
        };

        if (order.TimeInForce == TimeInForce.FillOrKill && FillableFor(taker, opposite, minCross) < taker.Remaining)
        {
            CancelRemainder(taker, EngineCancelReason.FillOrKillUnfillable);
            return Finish(Accepted(taker));
        }

        MatchAndPlace(taker, timestampMs);
        return Finish(Accepted(taker));
    }

    private MatchRejectReason Validate(in NewOrder order, long timestampMs)
    {
        if (string.IsNullOrEmpty(order.AccountId)) return MatchRejectReason.MissingAccount;
        var priceCheck = ValidatePrice(order.YesPrice);
        if (priceCheck != MatchRejectReason.None) return priceCheck;
        if (order.Count.Hundredths <= 0) return MatchRejectReason.InvalidCount;
        if (order.ExpirationTimestampMs is { } expires && expires <= timestampMs) return MatchRejectReason.ExpirationInPast;
        if (order.PostOnly && order.TimeInForce != TimeInForce.GoodTillCanceled)
            return MatchRejectReason.PostOnlyRequiresGoodTillCanceled;
        if (order.ClientOrderId is not null && _clientIds.Contains((order.AccountId, order.ClientOrderId)))
            return MatchRejectReason.DuplicateClientOrderId;
        return MatchRejectReason.None;
    }

    private MatchRejectReason ValidatePrice(Price yesPrice)
    {
        // $0 and $1 can never trade: one side would pay nothing.
        if (yesPrice.Ticks <= 0 || yesPrice.Ticks >= One) return MatchRejectReason.InvalidPrice;
        return _grid.Validate(yesPrice) switch
        {
            WireParseError.None => MatchRejectReason.None,
            WireParseError.OffPriceGrid => MatchRejectReason.OffPriceGrid,
            _ => MatchRejectReason.InvalidPrice,
        };
    }

    /// <summary>
    /// How much the taker could fill now, honouring self-trade prevention the way matching will:
    /// taker_at_cross stops at the first own order, maker skips own orders (they would be canceled).
    /// </summary>
    private long FillableFor(RestingOrder taker, OrderQueueLadder opposite, int minCross)
    {
        long total = 0;
        for (var t = opposite.Best; t >= minCross; t = opposite.HighestAtOrBelow(t - 1))
        {
            for (var o = opposite.LevelAt(t)!.Head; o is not null; o = o.Next)
            {
                if (o.AccountId == taker.AccountId)
                {
                    if (taker.SelfTradePrevention == SelfTradePrevention.TakerAtCross) return total;
                    continue;
                }
                total += o.Remaining;
                if (total >= taker.Remaining) return total;
            }
        }
        return total;
    }

    /// <summary>Matches the order against the opposite side, then rests, cancels or completes it per its time in force.</summary>
    private void MatchAndPlace(RestingOrder taker, long timestampMs)
    {
        var side = taker.BookSide;
        var opposite = Ladder(side.Opposite());
        var minCross = One - taker.BookTicks;
        var stoppedBySelfTrade = false;

        while (taker.Remaining > 0 && !stoppedBySelfTrade)
        {
            var levelTicks = opposite.Best;
            if (levelTicks < minCross) break;
            var level = opposite.LevelAt(levelTicks)!;
            // The maker's price, expressed as YES price: a NO maker at n trades at YES 1 − n.
            var yesPrice = new Price(side == OutcomeSide.Yes ? One - levelTicks : levelTicks);
            var maker = level.Head;
            while (maker is not null && taker.Remaining > 0)
            {
                var next = maker.Next;
                if (maker.AccountId == taker.AccountId)
                {
                    if (taker.SelfTradePrevention == SelfTradePrevention.TakerAtCross)
                    {
                        stoppedBySelfTrade = true;
                        break;
                    }
                    RemoveFromBook(maker);
                    CancelRemainder(maker, EngineCancelReason.SelfTradePrevention);
                    maker.LastUpdateTimestampMs = timestampMs;
                    (_makerUpdates ??= []).Add(maker.Snapshot());
                    maker = next;
                    continue;
                }

                var qty = Math.Min(maker.Remaining, taker.Remaining);
                var count = new Quantity(qty);
                var makerFee = _fees.FeeFor(yesPrice, count, isTaker: false);
                var takerFee = _fees.FeeFor(yesPrice, count, isTaker: true);
                (_fills ??= []).Add(new Fill(
                    _tradeIdPrefix + (++_nextTrade).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    maker.OrderId,
                    taker.OrderId,
                    maker.AccountId,
                    taker.AccountId,
                    maker.ClientOrderId,
                    taker.ClientOrderId,
                    yesPrice,
                    count,
                    makerFee,
                    takerFee,
                    side,
                    timestampMs));

                maker.Filled += qty;
                maker.Remaining -= qty;
                maker.MakerFees += makerFee;
                maker.LastUpdateTimestampMs = timestampMs;
                taker.Filled += qty;
                taker.Remaining -= qty;
                taker.TakerFees += takerFee;

                opposite.Shrink(maker, qty);
                RecordChange(maker.BookSide, levelTicks, -qty);
                if (maker.Remaining == 0)
                {
                    maker.Status = EngineOrderStatus.Executed;
                    opposite.Remove(maker); // remaining is 0: only unlinks
                    _live.Remove(maker.OrderId);
                }
                (_makerUpdates ??= []).Add(maker.Snapshot());
                maker = next;
            }
        }

        taker.LastUpdateTimestampMs = timestampMs;
        if (taker.Remaining == 0)
        {
            taker.Status = EngineOrderStatus.Executed;
        }
        else if (stoppedBySelfTrade)
        {
            CancelRemainder(taker, EngineCancelReason.SelfTradePrevention);
        }
        else if (taker.TimeInForce == TimeInForce.GoodTillCanceled)
        {
            taker.Status = EngineOrderStatus.Resting;
            Ladder(side).Append(taker);
            _live[taker.OrderId] = taker;
            RecordChange(side, taker.BookTicks, taker.Remaining);
        }
        else
        {
            CancelRemainder(taker, taker.TimeInForce == TimeInForce.FillOrKill
                ? EngineCancelReason.FillOrKillUnfillable
                : EngineCancelReason.ImmediateOrCancelRemainder);
        }
    }

    // ---------------------------------------------------------------- cancel / decrease / amend

    /// <summary>Cancels a resting order's whole remainder (Kalshi DELETE; reduced_by = the snapshot's RemainingCount before, i.e. CanceledCount added).</summary>
    public MatchResult Cancel(string orderId, long timestampMs)
    {
        BeginOperation();
        if (!_live.TryGetValue(orderId, out var order)) return Finish(MatchResult.Rejected(MatchRejectReason.UnknownOrder));
        RemoveFromBook(order);
        CancelRemainder(order, EngineCancelReason.UserCanceled);
        order.LastUpdateTimestampMs = timestampMs;
        return Finish(Accepted(order));
    }

    /// <summary>
    /// Decrease by <paramref name="reduceBy"/> (Kalshi reduce_by). Keeps time priority. Reducing by the
    /// whole remainder or more cancels the order (reason DecreasedToZero).
    /// </summary>
    public MatchResult DecreaseBy(string orderId, Quantity reduceBy, long timestampMs)
    {
        BeginOperation();
        if (!_live.TryGetValue(orderId, out var order)) return Finish(MatchResult.Rejected(MatchRejectReason.UnknownOrder));
        if (reduceBy.Hundredths <= 0) return Finish(MatchResult.Rejected(MatchRejectReason.InvalidCount));
        return Finish(Reduce(order, Math.Min(reduceBy.Hundredths, order.Remaining), timestampMs));
    }

    /// <summary>
    /// Decrease so that <paramref name="reduceTo"/> remains (Kalshi reduce_to; the target is the remaining
    /// count, not the total). Must be below the current remainder; 0 cancels. Keeps time priority.
    /// </summary>
    public MatchResult DecreaseTo(string orderId, Quantity reduceTo, long timestampMs)
    {
        BeginOperation();
        if (!_live.TryGetValue(orderId, out var order)) return Finish(MatchResult.Rejected(MatchRejectReason.UnknownOrder));
        if (reduceTo.Hundredths < 0) return Finish(MatchResult.Rejected(MatchRejectReason.InvalidCount));
        if (reduceTo.Hundredths >= order.Remaining) return Finish(MatchResult.Rejected(MatchRejectReason.NotADecrease));
        return Finish(Reduce(order, order.Remaining - reduceTo.Hundredths, timestampMs));
    }

    private MatchResult Reduce(RestingOrder order, long by, long timestampMs)
    {
        order.LastUpdateTimestampMs = timestampMs;
        if (by >= order.Remaining)
        {
            RemoveFromBook(order);
            CancelRemainder(order, EngineCancelReason.DecreasedToZero);
            return Accepted(order);
        }
        Ladder(order.BookSide).Shrink(order, by);
        order.Remaining -= by;
        order.Canceled += by;
        RecordChange(order.BookSide, order.BookTicks, -by);
        return Accepted(order);
    }

    /// <summary>
    /// Amends price and/or count. <paramref name="newYesPrice"/> is a YES price (as in Submit);
    /// <paramref name="newCount"/> is the new filled + remaining total (Kalshi amend "count"), so it must
    /// exceed the filled count. Time priority is kept only when the price is unchanged and the count does
    /// not grow. A re-priced order may cross and trade as a taker (its own self-trade mode applies); a
    /// post-only order that would cross is refused and left unchanged.
    /// </summary>
    public MatchResult Amend(string orderId, Price newYesPrice, Quantity newCount, long timestampMs)
    {
        BeginOperation();
        if (!_live.TryGetValue(orderId, out var order)) return Finish(MatchResult.Rejected(MatchRejectReason.UnknownOrder));
        var priceCheck = ValidatePrice(newYesPrice);
        if (priceCheck != MatchRejectReason.None) return Finish(MatchResult.Rejected(priceCheck));
        if (newCount.Hundredths <= 0) return Finish(MatchResult.Rejected(MatchRejectReason.InvalidCount));
        var newRemaining = newCount.Hundredths - order.Filled;
        if (newRemaining <= 0) return Finish(MatchResult.Rejected(MatchRejectReason.NotADecrease));

        var newTicks = order.BookSide == OutcomeSide.Yes ? newYesPrice.Ticks : One - newYesPrice.Ticks;
        var ladder = Ladder(order.BookSide);
        if (newTicks == order.BookTicks)
        {
            order.LastUpdateTimestampMs = timestampMs;
            if (newRemaining < order.Remaining)
            {
                var by = order.Remaining - newRemaining;
                ladder.Shrink(order, by);
                order.Remaining = newRemaining;
                order.Initial -= by;
                RecordChange(order.BookSide, order.BookTicks, -by);
            }
            else if (newRemaining > order.Remaining)
            {
                // A larger order goes to the back of its queue.
                var add = newRemaining - order.Remaining;
                ladder.Remove(order);
                order.Remaining = newRemaining;
                order.Initial += add;
                ladder.Append(order);
                RecordChange(order.BookSide, order.BookTicks, add);
            }
            return Finish(Accepted(order));
        }

        var opposite = Ladder(order.BookSide.Opposite());
        if (order.PostOnly && opposite.Best >= One - newTicks)
            return Finish(MatchResult.Rejected(MatchRejectReason.PostOnlyCross));

        ladder.Remove(order);
        _live.Remove(order.OrderId);
        RecordChange(order.BookSide, order.BookTicks, -order.Remaining);
        order.Initial += newRemaining - order.Remaining;
        order.Remaining = newRemaining;
        order.BookTicks = newTicks;
        MatchAndPlace(order, timestampMs);
        return Finish(Accepted(order));
    }

    /// <summary>Cancels every resting order (market closed or paused), best price first, queue order within a level.</summary>
    public MatchResult CancelAll(long timestampMs)
    {
        BeginOperation();
        CancelSide(_yes, timestampMs);
        CancelSide(_no, timestampMs);
        return Finish(new MatchResult(MatchRejectReason.None, null, _fills, _makerUpdates, null));
    }

    /// <summary>
    /// Cancels every resting order whose expiration time is at or before <paramref name="nowMs"/>
    /// (CancelReason Expired), best price first, queue order within a level. Scans the book: call it on a timer,
    /// not per message.
    /// </summary>
    public MatchResult ExpireDue(long nowMs)
    {
        BeginOperation();
        CancelSide(_yes, nowMs, EngineCancelReason.Expired);
        CancelSide(_no, nowMs, EngineCancelReason.Expired);
        return Finish(new MatchResult(MatchRejectReason.None, null, _fills, _makerUpdates, null));
    }

    private void CancelSide(OrderQueueLadder ladder, long timestampMs, EngineCancelReason reason = EngineCancelReason.MarketClosed)
    {
        for (var t = ladder.Best; t >= 0; t = ladder.HighestAtOrBelow(t - 1))
        {
            var o = ladder.LevelAt(t)!.Head;
            while (o is not null)
            {
                var next = o.Next;
                if (reason != EngineCancelReason.Expired || o.ExpirationTimestampMs <= timestampMs)
                {
                    RemoveFromBook(o);
                    CancelRemainder(o, reason);
                    o.LastUpdateTimestampMs = timestampMs;
                    (_makerUpdates ??= []).Add(o.Snapshot());
                }
                o = next;
            }
        }
    }

    // ---------------------------------------------------------------- reads

    /// <summary>A resting order by id; finished orders are not kept (their last snapshot was in the result that finished them).</summary>
    public bool TryGetOrder(string orderId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EngineOrder? order)
    {
        if (_live.TryGetValue(orderId, out var o))
        {
            order = o.Snapshot();
            return true;
        }
        order = null;
        return false;
    }

    /// <summary>Aggregated bid levels of one side in its own prices, ascending (best bid last), as Kalshi's orderbook.</summary>
    public BookLevel[] Levels(OutcomeSide side) => Ladder(side).Levels();

    /// <summary>Best bid of one side in its own prices, or null when that side is empty.</summary>
    public BookLevel? BestBid(OutcomeSide side)
    {
        var ladder = Ladder(side);
        var t = ladder.Best;
        return t < 0 ? null : new BookLevel(new Price(t), new Quantity(ladder.SizeAt(t)));
    }

    /// <summary>Size resting at one price of one side (own prices); zero when none.</summary>
    public Quantity SizeAt(OutcomeSide side, Price price) =>
        price.IsValid ? new Quantity(Ladder(side).SizeAt(price.Ticks)) : Quantity.Zero;

    // ---------------------------------------------------------------- internals

    private OrderQueueLadder Ladder(OutcomeSide side) => side == OutcomeSide.Yes ? _yes : _no;

    private void BeginOperation()
    {
        _changes.Clear();
        _fills = null;
        _makerUpdates = null;
    }

    private MatchResult Accepted(RestingOrder order) =>
        new(MatchRejectReason.None, order.Snapshot(), _fills, _makerUpdates, null);

    private MatchResult Finish(MatchResult result)
    {
        LevelChange[] changes = _changes.Count == 0 ? [] : _changes.ToArray();
        var final = new MatchResult(result.Reject, result.Order, result.Fills, result.MakerUpdates, changes);
        LastLevelChanges = changes;
        _fills = null;
        _makerUpdates = null;
        return final;
    }

    /// <summary>Takes a resting order out of the book (level size and delta included).</summary>
    private void RemoveFromBook(RestingOrder order)
    {
        if (!order.InBook) return;
        RecordChange(order.BookSide, order.BookTicks, -order.Remaining);
        Ladder(order.BookSide).Remove(order);
        _live.Remove(order.OrderId);
    }

    private static void CancelRemainder(RestingOrder order, EngineCancelReason reason)
    {
        order.Canceled += order.Remaining;
        order.Remaining = 0;
        order.Status = EngineOrderStatus.Canceled;
        order.CancelReason = reason;
    }

    /// <summary>Appends a level change, merging with the previous one when it is the same level.</summary>
    private void RecordChange(OutcomeSide side, int ticks, long delta)
    {
        if (delta == 0) return;
        var n = _changes.Count;
        if (n > 0)
        {
            var last = _changes[n - 1];
            if (last.Side == side && last.Price.Ticks == ticks)
            {
                var merged = last.Delta.Hundredths + delta;
                if (merged == 0) _changes.RemoveAt(n - 1);
                else _changes[n - 1] = last with { Delta = new Quantity(merged) };
                return;
            }
        }
        _changes.Add(new LevelChange(side, new Price(ticks), new Quantity(delta)));
    }
}
