using KalshiArb.Actors.Contracts;
using KalshiArb.Domain.Pnl;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// The order desk's bookkeeping for P&amp;L and settlement (no Akka: the desk calls it and sends what it returns).
/// Orders' notices carry their fills; each trade id is booked once into a <see cref="PnlLedger"/>. When a market
/// settles, every order of it with fills that has ended is told its payout once; an order that ends later (a resting
/// remainder the venue cancels at the close) is told when its notice arrives. A settled order is forgotten.
/// </summary>
public sealed class OrderDeskSettlements
{
    /// <summary>Realized-after-each-event points kept (newest); older ones drop off.</summary>
    public const int HistoryKept = 2_000;

    private sealed class TrackedOrder(string ticker, OutcomeSide side, string? strategyId)
    {
        // The trade ids booked, in a plain array: an order has a few fills, and the desk keeps every filled order until
        // its market settles (a HashSet per order was most of each tracked order's memory).
        private string[] _trades = [];

        public string? StrategyId { get; } = strategyId;
        public string Ticker { get; } = ticker;
        public OutcomeSide Side { get; } = side;
        public Quantity Filled { get; set; }
        public bool Ended { get; set; }
        public bool SettleSent { get; set; }

        /// <summary>False when the trade was booked already.</summary>
        public bool AddTrade(string tradeId)
        {
            if (Array.IndexOf(_trades, tradeId) >= 0) return false;
            Array.Resize(ref _trades, _trades.Length + 1);
            _trades[^1] = tradeId;
            return true;
        }
    }

    private readonly PnlLedger _ledger = new(HistoryKept);
    private readonly StrategyLedgers _strategies = new();
    private readonly Dictionary<string, TrackedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Price> _settledMarkets = new(StringComparer.Ordinal);
    private int _refused;

    /// <summary>Facts the ledger refused (a fill reported after its market settled, a bad value).</summary>
    public int Refused => _refused;

    public IEnumerable<SettleOrder> OnNotice(OrderStatusNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.State == ExecutionOrderState.Settled)
        {
            _orders.Remove(notice.ExecutionId);
            yield break;
        }
        if (notice.EndedAs is not null) _strategies.OrderEnded(notice.StrategyId);
        if (notice.Fills is not { Count: > 0 } fills) yield break;
        var order = Track(notice.ExecutionId, notice.Ticker, notice.Side, notice.StrategyId);
        foreach (var fill in fills)
        {
            if (!order.AddTrade(fill.TradeId)) continue;
            BookFill(order, new PnlFill(order.Ticker, "", order.Side, fill.Price, fill.Count, fill.Fee, now));
        }
        order.Ended = notice.State.IsTerminal();
        if (_settledMarkets.TryGetValue(order.Ticker, out var yes) && TrySettle(notice.ExecutionId, order, yes) is { } settle) yield return settle;
    }

    /// <summary>First: the market was not known settled before. Orders: the ended orders with fills to tell their payout.</summary>
    public (bool First, IReadOnlyList<SettleOrder> Orders) OnMarketSettled(MarketSettled settled, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var first = _settledMarkets.TryAdd(settled.Ticker, settled.YesValue);
        var yes = _settledMarkets[settled.Ticker];
        if (first) BookSettlement(new PnlSettlement(settled.Ticker, yes, settled.AtMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(settled.AtMs) : now));
        var orders = new List<SettleOrder>();
        foreach (var (id, order) in _orders)
            if (order.Ticker == settled.Ticker && TrySettle(id, order, yes) is { } settle) orders.Add(settle);
        return (first, orders);
    }

    /// <summary>
    /// Books journaled orders (after a restart) in time order, skipping trades already booked; returns the ended orders
    /// whose market is known settled but which have not journaled their own settlement yet.
    /// </summary>
    public IReadOnlyList<SettleOrder> Seed(SeedPnl seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var events = new List<(long AtMs, Action Apply)>();
        foreach (var o in seed.Orders)
        {
            if (o.SettledYesValue is { } yes)
            {
                _settledMarkets.TryAdd(o.Ticker, yes);
                events.Add((o.SettledAtMs, () => BookSettlement(new PnlSettlement(o.Ticker, yes, DateTimeOffset.FromUnixTimeMilliseconds(o.SettledAtMs)))));
            }
            var order = o.SettledYesValue is null ? Track(o.ExecutionId, o.Ticker, o.Side, o.StrategyId) : new TrackedOrder(o.Ticker, o.Side, o.StrategyId);
            order.Ended |= o.Ended;
            for (var i = 0; i < o.Fills.Count; i++)
            {
                var (fill, at) = (o.Fills[i], o.FillsAtMs[i]);
                if (!order.AddTrade(fill.TradeId)) continue;
                events.Add((at, () => BookFill(order, new PnlFill(o.Ticker, "", o.Side, fill.Price, fill.Count, fill.Fee, DateTimeOffset.FromUnixTimeMilliseconds(at)))));
            }
        }
        // stable: a settlement journaled at the same instant as a fill still comes after it when listed after it
        foreach (var (_, apply) in events.Select((e, i) => (e, i)).OrderBy(x => x.e.AtMs).ThenBy(x => x.i).Select(x => x.e)) apply();
        var settle = new List<SettleOrder>();
        foreach (var (id, order) in _orders)
            if (_settledMarkets.TryGetValue(order.Ticker, out var yes) && TrySettle(id, order, yes) is { } s) settle.Add(s);
        return settle;
    }

    public PnlBook Book() => new(_ledger.Positions.ToArray(), _ledger.History.ToArray(), _refused, _strategies.Lines());

    /// <summary>Into the desk's ledger and the order's strategy's; the strategy counts the order at its first fill.</summary>
    private void BookFill(TrackedOrder order, PnlFill fill)
    {
        if (!order.Filled.IsPositive) _strategies.OrderFilled(order.StrategyId);
        order.Filled += fill.Count;
        Book(_ledger.Apply(fill));
        _strategies.Apply(order.StrategyId, fill);
    }

    private void BookSettlement(PnlSettlement settlement)
    {
        Book(_ledger.Apply(settlement));
        _strategies.Apply(settlement);
    }

    private TrackedOrder Track(string executionId, string ticker, OutcomeSide side, string? strategyId)
    {
        if (!_orders.TryGetValue(executionId, out var order))
        {
            order = new TrackedOrder(ticker, side, strategyId);
            _orders[executionId] = order;
        }
        return order;
    }

    private static SettleOrder? TrySettle(string executionId, TrackedOrder order, Price yes)
    {
        if (!order.Ended || order.SettleSent || !order.Filled.IsPositive) return null;
        order.SettleSent = true;
        var settled = OrderSettlement.For(order.Side, order.Filled, yes);
        return new SettleOrder(executionId, settled.Winner, settled.Payout);
    }

    private void Book(PnlError error)
    {
        if (error is not (PnlError.None or PnlError.AlreadySettled)) _refused++;
    }
}
