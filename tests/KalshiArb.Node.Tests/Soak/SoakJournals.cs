using KalshiArb.Node.Audit;
using KalshiArb.Node.Soak;

namespace KalshiArb.Node.Tests.Soak;

/// <summary>Order journals as the node writes them, read the way the soak reads them (through the audit).</summary>
internal static class SoakJournals
{
    public const string Ticker = "KXNBAGAME-26FEB07HOUOKC-OKC";
    public const long T0 = 1_789_920_000_000;
    public const long Horizon = 3_000;

    public static JournaledExecution Read(string id, IEnumerable<OrderJournalEvent> events) =>
        JournaledExecution.From(JournalAuditor.Audit(new JournaledOrder("order-" + id, id,
            events.Select((e, i) => new JournalEntry(i + 1, e.AtMs, e, null)).ToArray()), requireTerminal: false));

    public static OrderCreatedEvent Created(string id, string signal = "", OutcomeSide side = OutcomeSide.Yes, int contracts = 10) =>
        new(id, signal.Length > 0 ? signal : "sig-" + id, Ticker, side, Price.FromCents(50), Quantity.FromContracts(contracts), T0,
            SignalAtMs: T0 - 10, SubmitByMs: T0 + Horizon);

    public static OrderRiskApprovedEvent Approved() => new(Money.FromDollars(5), T0 + 5);

    /// <summary>Created, approved, submitted, acknowledged as x-{id}, filled by one trade of <paramref name="filled"/>.</summary>
    public static JournaledExecution Filled(string id, int filled = 10, OutcomeSide side = OutcomeSide.Yes, string signal = "") =>
        Read(id,
        [
            Created(id, signal, side, filled), Approved(), new OrderSubmitRequestedEvent(T0 + 10), new OrderAcknowledgedEvent("x-" + id, T0 + 20),
            new OrderFillAppliedEvent("t-" + id, Quantity.FromContracts(filled), Price.FromCents(50), Money.FromCents(10), true, T0 + 30),
        ]);

    public static JournaledExecution Denied(string id) =>
        Read(id, [Created(id), new OrderRiskDeniedEvent(RiskDenialReason.MaxContractsPerMarket, T0 + 5)]);

    public static VenueOrder VenueOrderOf(string id, long createdMs = T0 + 15) => new("x-" + id, id, Ticker, createdMs);

    public static VenueBookFill VenueBookFillOf(string id, int count = 10) => new("t-" + id, "x-" + id, id, Ticker, Quantity.FromContracts(count));

    public static VenueBook Venue(IEnumerable<VenueOrder> orders, IEnumerable<VenueBookFill> fills, params (string Ticker, long Contracts)[] positions) =>
        new(orders.ToArray(), fills.ToArray(), positions.ToDictionary(p => p.Ticker, p => Quantity.FromContracts(p.Contracts)));
}
