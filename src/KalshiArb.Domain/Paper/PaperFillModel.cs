using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;
using KalshiArb.Domain.Matching;

namespace KalshiArb.Domain.Paper;

/// <summary>
/// Paper fills for one market against the live Kalshi book, without our orders ever reaching it.
/// <list type="bullet">
/// <item>A marketable order walks the real ask levels at or better than its limit (taker fee per fill). What it
/// takes is remembered as consumed until the level shrinks below it or a snapshot replaces the book, so two paper
/// orders never take the same displayed contracts.</item>
/// <item>A good-till-canceled remainder rests at its limit BEHIND the size displayed there (and behind our own
/// earlier paper orders at that price). It fills only when public trades at its price consume the queue ahead of
/// it, or when a trade prints through its price (the seller would have hit us first); fills print at our limit
/// with the maker fee.</item>
/// <item>Cancels are assumed to come from the back of the queue: a shrinking level moves us forward only when it
/// shrinks below our queue position (pessimistic). A shrink seen before its trade is kept as credit so the trade
/// does not advance us a second time.</item>
/// <item>A book that becomes marketable against a resting paper order does not fill it: only trades do
/// (conservative, since the real book never contained our order).</item>
/// <item>On a market without fractional trading (Kalshi's fractional_trading_enabled false) counts must be whole and every
/// fill is whole contracts: a fraction of a displayed level or of a print is left, never bought.</item>
/// </list>
/// Deterministic (ids from counters, no clock: timestamps are parameters); not thread-safe (one owner).
/// </summary>
public sealed class PaperFillModel
{
    private readonly FeeSchedule _fees;
    private readonly string _orderIdPrefix;
    private readonly string _tradeIdPrefix;
    private readonly Dictionary<string, PaperOrderRecord> _orders = new(StringComparer.Ordinal);
    private readonly List<PaperOrderRecord> _resting = [];
    private readonly Dictionary<(OutcomeSide Ladder, int BidTicks), long> _consumed = [];
    private long _orderCounter;
    private long _tradeCounter;

    public PaperFillModel(PriceGrid grid, FeeSchedule fees, string orderIdPrefix = "P-ORD-", string tradeIdPrefix = "P-TRD-",
        bool fractionalTrading = true)
    {
        Grid = grid;
        FractionalTrading = fractionalTrading;
        _fees = fees;
        _orderIdPrefix = orderIdPrefix;
        _tradeIdPrefix = tradeIdPrefix;
        Book = new OrderBook(grid);
    }

    public PriceGrid Grid { get; }

    /// <summary>Whether counts may have a fraction; false: whole contracts in, whole contracts filled.</summary>
    public bool FractionalTrading { get; }

    /// <summary>The live book as last fed (read it; feed it only through this model so queues stay right).</summary>
    public OrderBook Book { get; }

    public int RestingOrderCount => _resting.Count;

    public IReadOnlyList<PaperOrder> RestingOrders => _resting.Select(o => o.ToSnapshot()).ToArray();

    public bool TryGetOrder(string orderId, out PaperOrder? order)
    {
        order = _orders.TryGetValue(orderId, out var record) ? record.ToSnapshot() : null;
        return order is not null;
    }

    /// <summary>Contracts we already took from the displayed bid level (<paramref name="ladder"/>, <paramref name="bidPrice"/>).</summary>
    public Quantity ConsumedAt(OutcomeSide ladder, Price bidPrice) =>
        new(_consumed.GetValueOrDefault((ladder, bidPrice.Ticks)));

    public BookUpdateResult ApplySnapshot(long seq, ReadOnlySpan<BookLevel> yesBids, ReadOnlySpan<BookLevel> noBids)
    {
        var result = Book.ApplySnapshot(seq, yesBids, noBids);
        if (result != BookUpdateResult.Applied) return result;
        _consumed.Clear();
        foreach (var (side, ticks) in _resting.Select(o => (o.Side, o.Limit.Ticks)).Distinct().ToArray())
            BoundQueues(side, ticks);
        return result;
    }

    public BookUpdateResult ApplyDelta(long seq, OutcomeSide side, Price price, Quantity delta)
    {
        var result = Book.ApplyDelta(seq, side, price, delta);
        if (result != BookUpdateResult.Applied || delta.Hundredths >= 0) return result;
        var key = (side, price.Ticks);
        var displayed = Book.YesOrNoBids(side).SizeAt(price).Hundredths;
        if (_consumed.TryGetValue(key, out var consumed) && consumed > displayed)
        {
            if (displayed == 0) _consumed.Remove(key);
            else _consumed[key] = displayed;
        }
        BoundQueues(side, price.Ticks);
        return result;
    }

    /// <summary>Marks the live book unusable (feed gap, disconnect): new orders are refused until a snapshot.</summary>
    public void Invalidate() => Book.Invalidate();

    public PaperResult Submit(PaperOrderRequest request, long timestampMs)
    {
        var reject = Validate(request);
        if (reject != PaperRejectReason.None) return PaperResult.Rejected(reject);

        if (request.PostOnly && Book.BestAsk(request.Side) is { } ask && ask.Price <= request.Limit)
            return PaperResult.Rejected(PaperRejectReason.PostOnlyCross);

        var order = new PaperOrderRecord(++_orderCounter, _orderIdPrefix + _orderCounter, request, timestampMs);
        _orders.Add(order.OrderId, order);
        var fills = new List<PaperFill>();

        if (request.TimeInForce == TimeInForce.FillOrKill && AvailableToBuy(request.Side, request.Limit) < order.Remaining)
        {
            order.CancelRemainder(EngineCancelReason.FillOrKillUnfillable, timestampMs);
            return new PaperResult(PaperRejectReason.None, order.ToSnapshot(), fills);
        }

        Take(order, fills, timestampMs);

        if (order.Remaining > 0)
        {
            if (request.TimeInForce == TimeInForce.GoodTillCanceled) Rest(order);
            else order.CancelRemainder(EngineCancelReason.ImmediateOrCancelRemainder, timestampMs);
        }
        return new PaperResult(PaperRejectReason.None, order.ToSnapshot(), fills);
    }

    public PaperResult Cancel(string orderId, long timestampMs)
    {
        if (!_orders.TryGetValue(orderId, out var order) || !order.IsResting)
            return PaperResult.Rejected(PaperRejectReason.UnknownOrder);
        order.CancelRemainder(EngineCancelReason.UserCanceled, timestampMs);
        _resting.Remove(order);
        return new PaperResult(PaperRejectReason.None, order.ToSnapshot(), []);
    }

    /// <summary>Market closed or paused: every resting paper order is canceled (MarketClosed).</summary>
    public PaperMarketResult CancelAll(long timestampMs)
    {
        if (_resting.Count == 0) return PaperMarketResult.Empty;
        var updated = new List<PaperOrder>(_resting.Count);
        foreach (var order in _resting)
        {
            order.CancelRemainder(EngineCancelReason.MarketClosed, timestampMs);
            updated.Add(order.ToSnapshot());
        }
        _resting.Clear();
        return new PaperMarketResult([], updated);
    }

    /// <summary>
    /// A public trade: <paramref name="takerSide"/> is the outcome the taker bought (Kalshi's taker_side), so it hit
    /// resting bids of the other side at that side's price. Those of our orders at that price advance through the
    /// queue; those priced better than the print fill first (the seller would have hit them before printing lower).
    /// </summary>
    public PaperMarketResult ApplyTrade(Price yesPrice, Quantity count, OutcomeSide takerSide, long timestampMs)
    {
        if (count.Hundredths <= 0 || yesPrice.Ticks is <= 0 or >= Price.TicksPerDollar || _resting.Count == 0)
            return PaperMarketResult.Empty;
        var makerSide = takerSide.Opposite();
        var printed = makerSide == OutcomeSide.Yes ? yesPrice : yesPrice.Complement;
        var candidates = _resting
            .Where(o => o.Side == makerSide && o.Limit >= printed)
            .OrderByDescending(o => o.Limit.Ticks).ThenBy(o => o.Sequence)
            .ToArray();
        if (candidates.Length == 0) return PaperMarketResult.Empty;

        var fills = new List<PaperFill>();
        var updated = new List<PaperOrder>();
        var left = count.Hundredths;
        foreach (var order in candidates)
        {
            long fill;
            if (order.Limit > printed)
            {
                // The print went through our price: nothing real can still be ahead of us there.
                order.QueueAhead = 0;
                order.ShrinkCredit = 0;
                fill = Tradable(Math.Min(order.Remaining, left));
                left -= fill;
            }
            else
            {
                // Each of our orders at the printed price sees the whole remaining print: an order's queue
                // already counts our earlier orders at that price, so nothing is counted twice.
                var use = left;
                var absorbed = Math.Min(order.ShrinkCredit, use);
                order.ShrinkCredit -= absorbed;
                use -= absorbed;
                var advance = Math.Min(order.QueueAhead, use);
                order.QueueAhead -= advance;
                use -= advance;
                fill = Tradable(Math.Min(order.Remaining, use));
            }
            if (fill <= 0) continue;
            fills.Add(Fill(order, order.Limit, fill, isTaker: false, timestampMs));
            updated.Add(order.ToSnapshot());
        }
        _resting.RemoveAll(o => !o.IsResting);
        return new PaperMarketResult(fills, updated);
    }

    private PaperRejectReason Validate(PaperOrderRequest request)
    {
        if (request.Count.Hundredths <= 0) return PaperRejectReason.InvalidCount;
        if (!FractionalTrading && !request.Count.IsWholeContracts) return PaperRejectReason.FractionalCount;
        if (request.Limit.Ticks is <= 0 or >= Price.TicksPerDollar) return PaperRejectReason.InvalidPrice;
        if (!Grid.Contains(request.Limit)) return PaperRejectReason.OffPriceGrid;
        if (request.PostOnly && request.TimeInForce != TimeInForce.GoodTillCanceled)
            return PaperRejectReason.PostOnlyRequiresGoodTillCanceled;
        if (!Book.IsWhole) return PaperRejectReason.BookNotWhole;
        return PaperRejectReason.None;
    }

    /// <summary>Displayed asks at or below <paramref name="limit"/> less what we already took.</summary>
    private long AvailableToBuy(OutcomeSide side, Price limit)
    {
        long total = 0;
        foreach (var ask in Book.AskDepth(side))
        {
            if (ask.Price > limit) break;
            total += Tradable(Available(side.Opposite(), ask));
        }
        return total;
    }

    private long Available(OutcomeSide ladder, BookLevel ask) =>
        Math.Max(0, ask.Size.Hundredths - _consumed.GetValueOrDefault((ladder, ask.Price.Complement.Ticks)));

    private void Take(PaperOrderRecord order, List<PaperFill> fills, long timestampMs)
    {
        var ladder = order.Side.Opposite();
        // Collect first: the depth view is over the live ladder and must not be walked while we record.
        var levels = new List<BookLevel>();
        foreach (var ask in Book.AskDepth(order.Side))
        {
            if (ask.Price > order.Limit) break;
            levels.Add(ask);
        }
        foreach (var ask in levels)
        {
            if (order.Remaining == 0) break;
            var take = Tradable(Math.Min(order.Remaining, Available(ladder, ask)));
            if (take <= 0) continue;
            var key = (ladder, ask.Price.Complement.Ticks);
            _consumed[key] = _consumed.GetValueOrDefault(key) + take;
            fills.Add(Fill(order, ask.Price, take, isTaker: true, timestampMs));
        }
    }

    /// <summary>What of <paramref name="hundredths"/> this market can trade: all of it, or its whole contracts.</summary>
    private long Tradable(long hundredths) =>
        FractionalTrading ? hundredths : new Quantity(hundredths).WholeContracts.Hundredths;

    private void Rest(PaperOrderRecord order)
    {
        var ownAhead = _resting.Where(o => o.Side == order.Side && o.Limit == order.Limit).Sum(o => o.Remaining);
        order.QueueAhead = Book.YesOrNoBids(order.Side).SizeAt(order.Limit).Hundredths + ownAhead;
        _resting.Add(order);
    }

    /// <summary>Queue ahead can never exceed what is displayed at the price plus our own earlier orders there.</summary>
    private void BoundQueues(OutcomeSide side, int ticks)
    {
        var displayed = Book.YesOrNoBids(side).SizeAt(new Price(ticks)).Hundredths;
        long ownAhead = 0;
        foreach (var order in _resting)
        {
            if (order.Side != side || order.Limit.Ticks != ticks) continue;
            var bound = displayed + ownAhead;
            if (order.QueueAhead > bound)
            {
                order.ShrinkCredit += order.QueueAhead - bound;
                order.QueueAhead = bound;
            }
            ownAhead += order.Remaining;
        }
    }

    private PaperFill Fill(PaperOrderRecord order, Price price, long count, bool isTaker, long timestampMs)
    {
        var qty = new Quantity(count);
        var fee = _fees.FillFee(isTaker ? FeeRole.Taker : FeeRole.Maker, qty, price);
        order.ApplyFill(count, fee.Units, timestampMs);
        return new PaperFill(_tradeIdPrefix + ++_tradeCounter, order.OrderId, order.ClientOrderId, order.Side, price, qty, fee, isTaker, timestampMs);
    }
}
