namespace KalshiArb.Exchange.Accounts;

/// <summary>
/// Cash, reservations, positions, orders and fills of one account. Every member takes the ledger's own lock;
/// market code calls in while holding its market lock (order: market, then account — never the reverse).
/// </summary>
public sealed class AccountLedger
{
    private static readonly long UnitsPerHundredth = Money.UnitsPerDollar / Quantity.UnitsPerContract;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PositionState> _positions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clientOrderIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderRecord> _orders = new(StringComparer.Ordinal);
    private readonly List<string> _orderSequence = [];
    private readonly List<FillRecord> _fills = [];
    private Money _cash;
    private Money _reserved;
    private long _updatedMs;

    public AccountLedger(string accountId, Money startingCash, bool synthetic)
    {
        AccountId = accountId;
        _cash = startingCash;
        Synthetic = synthetic;
    }

    public string AccountId { get; }

    /// <summary>Simulated liquidity: no balance checks and no order/fill history kept (load mode would grow without bound).</summary>
    public bool Synthetic { get; }

    public Money Cash { get { lock (_gate) return _cash; } }
    public Money Reserved { get { lock (_gate) return _reserved; } }
    public Money Available { get { lock (_gate) return _cash - _reserved; } }
    public long UpdatedMs { get { lock (_gate) return _updatedMs; } }

    /// <summary>Claims the client order id and holds <paramref name="required"/> before the order reaches the engine.</summary>
    internal ExchangeRejectCode TryHoldForNew(string? clientOrderId, Money required)
    {
        lock (_gate)
        {
            if (clientOrderId is not null && _clientOrderIds.Contains(clientOrderId)) return ExchangeRejectCode.OrderAlreadyExists;
            if (!Synthetic && required > _cash - _reserved) return ExchangeRejectCode.InsufficientBalance;
            if (clientOrderId is not null && !Synthetic) _clientOrderIds.Add(clientOrderId);
            if (!Synthetic) _reserved += required;
            return ExchangeRejectCode.None;
        }
    }

    /// <summary>Undoes <see cref="TryHoldForNew"/> after the engine refused the order (the client id stays free).</summary>
    internal void ReleaseHold(string? clientOrderId, Money held)
    {
        if (Synthetic) return;
        lock (_gate)
        {
            if (clientOrderId is not null) _clientOrderIds.Remove(clientOrderId);
            _reserved -= held;
        }
    }

    /// <summary>Turns the hold of an accepted order into that order's reservation.</summary>
    internal void TrackNew(string ticker, EngineOrder snapshot, Money reservation, Money held, long nowMs)
    {
        if (Synthetic) return;
        lock (_gate)
        {
            _reserved -= held;
            var record = new OrderRecord(ticker, snapshot) { Reserved = reservation };
            _reserved += reservation;
            _orders[snapshot.OrderId] = record;
            _orderSequence.Add(snapshot.OrderId);
            _updatedMs = nowMs;
        }
    }

    internal void UpdateOrder(EngineOrder snapshot, Money reservation, long nowMs)
    {
        if (Synthetic) return;
        lock (_gate)
        {
            if (!_orders.TryGetValue(snapshot.OrderId, out var record)) return;
            _reserved += reservation - record.Reserved;
            record.Reserved = reservation;
            record.Snapshot = snapshot;
            _updatedMs = nowMs;
        }
    }

    internal void MarkCancelAcknowledged(string orderId, EngineOrder before, long nowMs)
    {
        if (Synthetic) return;
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var record)) return;
            record.CancelAckMs = nowMs;
            record.BeforeCancel = before;
        }
    }

    /// <summary>Books one fill: pays the price and fee, nets YES against NO ($1 per pair back at once), tracks basis and P&amp;L.</summary>
    internal FillBooked ApplyFill(string ticker, OutcomeSide side, Price ownPrice, Quantity count, Money fee, Func<Quantity, FillRecord>? record, long nowMs)
    {
        lock (_gate)
        {
            if (!_positions.TryGetValue(ticker, out var pos))
            {
                pos = new PositionState();
                _positions[ticker] = pos;
            }
            var before = pos.Position;
            var signed = side == OutcomeSide.Yes ? count : -count;
            var cost = Money.Notional(ownPrice, count);
            _cash -= cost + fee;
            pos.FeesPaid += fee;
            pos.TotalTraded += cost;

            var opposite = before.Hundredths != 0 && Math.Sign(before.Hundredths) != Math.Sign(signed.Hundredths);
            if (opposite)
            {
                var closing = Quantity.Min(before.Abs, count);
                var removed = new Money((long)((Int128)pos.CostBasis.Units * closing.Hundredths / before.Abs.Hundredths));
                var redeemed = new Money(closing.Hundredths * UnitsPerHundredth);
                _cash += redeemed;
                pos.RealizedPnl += redeemed - Money.Notional(ownPrice, closing) - removed;
                pos.CostBasis -= removed;
                pos.CostBasis += Money.Notional(ownPrice, count - closing);
            }
            else
            {
                pos.CostBasis += cost;
            }
            pos.Position = before + signed;
            pos.LastUpdatedMs = nowMs;
            _updatedMs = nowMs;
            if (!Synthetic && record is not null) _fills.Add(record(pos.Position));
            return new FillBooked(before, View(ticker, pos));
        }
    }

    /// <summary>Pays out a settled market: YES contracts get the YES settlement value, NO contracts the rest.</summary>
    internal PositionView? Settle(string ticker, Price yesValue, long nowMs)
    {
        lock (_gate)
        {
            if (!_positions.TryGetValue(ticker, out var pos) || pos.Position.IsZero) return null;
            var payout = pos.Position.IsPositive
                ? Money.Notional(yesValue, pos.Position)
                : Money.Notional(yesValue.Complement, pos.Position.Abs);
            _cash += payout;
            pos.RealizedPnl += payout - pos.CostBasis;
            pos.CostBasis = Money.Zero;
            pos.Position = Quantity.Zero;
            pos.LastUpdatedMs = nowMs;
            _updatedMs = nowMs;
            return View(ticker, pos);
        }
    }

    public OrderView? FindOrder(string orderId)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(orderId, out var r) ? new OrderView(r.Ticker, r.Snapshot, r.CancelAckMs, r.BeforeCancel) : null;
        }
    }

    /// <summary>All orders, newest first.</summary>
    public IReadOnlyList<OrderView> Orders()
    {
        lock (_gate)
        {
            var list = new List<OrderView>(_orderSequence.Count);
            for (var i = _orderSequence.Count - 1; i >= 0; i--)
            {
                var r = _orders[_orderSequence[i]];
                list.Add(new OrderView(r.Ticker, r.Snapshot, r.CancelAckMs, r.BeforeCancel));
            }
            return list;
        }
    }

    /// <summary>All fills, newest first.</summary>
    public IReadOnlyList<FillRecord> Fills()
    {
        lock (_gate)
        {
            var list = new List<FillRecord>(_fills);
            list.Reverse();
            return list;
        }
    }

    public IReadOnlyList<PositionView> Positions()
    {
        lock (_gate)
        {
            return _positions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => View(p.Key, p.Value)).ToList();
        }
    }

    public PositionView? Position(string ticker)
    {
        lock (_gate) return _positions.TryGetValue(ticker, out var p) ? View(ticker, p) : null;
    }

    private static PositionView View(string ticker, PositionState p) =>
        new(ticker, p.Position, p.CostBasis, p.RealizedPnl, p.FeesPaid, p.TotalTraded, p.LastUpdatedMs);
}
