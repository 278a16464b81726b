using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Pnl;
using KalshiArb.Domain.Primitives;

namespace KalshiArb.Node.Audit;

/// <summary>
/// Realized P&amp;L and fees from the journal: every order's fills and settlements replayed through the domain
/// <see cref="PnlLedger"/> in time order. No marks offline, so the unrealized figures stay null for open markets.
/// <see cref="Refused"/> counts journaled facts the ledger could not book (e.g. a fill after its market settled).
/// </summary>
public sealed record AuditPnl(PnlLine Total, IReadOnlyList<PnlLine> Games, IReadOnlyList<PnlLine> Markets, IReadOnlyList<PnlPoint> History, int Refused)
{
    private static readonly Dictionary<string, PnlMark> NoMarks = new(StringComparer.Ordinal);

    public static AuditPnl Of(IEnumerable<JournaledOrder> orders)
    {
        var ledger = PnlLedger.Replay(orders.SelectMany(EventsOf), out var refused);
        return new AuditPnl(ledger.Total(NoMarks), ledger.Games(NoMarks), ledger.Markets(NoMarks), ledger.History.ToArray(), refused);
    }

    /// <summary>One order's fills and settlement as ledger events (an order's journal names its market and side once, first).</summary>
    public static IEnumerable<PnlEvent> EventsOf(JournaledOrder order)
    {
        OrderCreatedEvent? created = null;
        var filled = Quantity.Zero;
        foreach (var e in order.Entries.Select(e => e.Event))
        {
            switch (e)
            {
                case OrderCreatedEvent c:
                    created ??= c;
                    break;
                case OrderFillAppliedEvent f when created is not null:
                    filled += f.Count;
                    yield return new PnlFill(created.Ticker, "", created.Side, f.Price, f.Count, f.Fee, DateTimeOffset.FromUnixTimeMilliseconds(f.AtMs));
                    break;
                case OrderSettledEvent s when created is not null:
                    if (OrderSettlement.YesValueOf(created.Side, filled, (Settled)s.ToDomain()) is { } yes)
                        yield return new PnlSettlement(created.Ticker, yes, DateTimeOffset.FromUnixTimeMilliseconds(s.AtMs));
                    break;
            }
        }
    }
}
