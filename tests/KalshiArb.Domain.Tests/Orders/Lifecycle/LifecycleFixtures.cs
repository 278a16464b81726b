using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Domain.Tests.Orders.Lifecycle;

/// <summary>States, inputs and a policy for the lifecycle tables: one order "ex-1", signal at T0, horizon 3 s.</summary>
public static class LifecycleFixtures
{
    public const string Id = "ex-1";
    public const string Ticker = "KXNFLGAME-26SEP20PHITEN-PHI";
    public const long T0 = 1_790_000_000_000;

    public static readonly OrderPolicy Policy = new()
    {
        MaxSignalAge = TimeSpan.FromSeconds(3),
        VenueCallTimeout = TimeSpan.FromSeconds(10),
        InFlightGrace = TimeSpan.FromSeconds(2),
        CancelAfter = TimeSpan.FromSeconds(30),
    };

    /// <summary>The end of the horizon.</summary>
    public const long By = T0 + 3_000;

    /// <summary>When "the venue never saw it" becomes final: horizon + call timeout + grace.</summary>
    public const long Final = By + 12_000;

    public static PlaceRequested Place(long signalAt = T0, bool admitting = true) =>
        new(Id, "sig-1", Ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(10), signalAt, admitting);

    public static OrderCreated Created(long? submitBy = By) =>
        new(Id, Ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(10), "sig-1", submitBy is null ? null : T0, submitBy);

    /// <summary>A recovered (or decided-so-far) process: the journal replayed, nothing in flight.</summary>
    public static OrderProcess Journaled(params OrderEvent[] events) => Journaled(Created(), events);

    public static OrderProcess Journaled(OrderCreated created, params OrderEvent[] events) =>
        events.Aggregate(OrderLifecycle.Evolve(OrderProcess.Start(Id), created, T0), (s, e) => OrderLifecycle.Evolve(s, e, T0 + 10));

    public static readonly OrderEvent[] Submitted = [new RiskApproved(Money.FromDollars(6)), new SubmitRequested()];

    public static readonly OrderEvent[] Resting = [.. Submitted, new Acknowledged("x-1")];

    public static VenueOrderState VenueOrder(VenueOrderStatus status = VenueOrderStatus.Resting, long filled = 0) =>
        new("x-1", Id, Ticker, OutcomeSide.Yes, Price.FromCents(50), status, Quantity.FromContracts(10), Quantity.FromContracts(filled),
            Quantity.FromContracts(10 - filled));

    public static VenueFill Fill(string tradeId, long contracts) =>
        new(tradeId, "x-1", Id, Ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(contracts), Money.FromCents(1), true, T0);

    /// <summary>Short names for what a decision holds, so a table row reads like the journal.</summary>
    public static string Name(OrderEvent e) => e switch
    {
        Expired x => $"Expired({x.Reason})",
        Rejected r => $"Rejected({r.Reason})",
        _ => e.GetType().Name,
    };

    public static string Name(OrderEffect e) => e switch
    {
        StartTimer t => $"StartTimer({t.Timer})",
        ReplyPlaced p => $"ReplyPlaced({(p.IsNew ? "new" : "existing")}, {p.State})",
        LogLine => "Log",
        Narrate => "Narrate",
        ReportFillToGate { EndsOrder: true } => "ReportFillToGate(ends order)",
        _ => e.GetType().Name,
    };
}
