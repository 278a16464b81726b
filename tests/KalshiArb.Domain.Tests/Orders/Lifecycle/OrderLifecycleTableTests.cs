using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Venues;
using static KalshiArb.Domain.Tests.Orders.Lifecycle.LifecycleFixtures;

namespace KalshiArb.Domain.Tests.Orders.Lifecycle;

/// <summary>
/// Decide as a table: given a state, an input and the time, which events are journaled and which effects follow
/// (log lines left out). No actors: the pure function the OrderActor runs.
/// </summary>
public sealed class OrderLifecycleTableTests
{
    public sealed record Row(string Name, OrderProcess State, OrderInput Input, long Now, string[] Events, string[] Effects)
    {
        public override string ToString() => Name;
    }

    private static readonly OrderProcess Fresh = OrderProcess.Start(Id);
    private static readonly OrderProcess Asked = Journaled() with { RiskPending = true };
    private static readonly OrderProcess Placed = OrderLifecycle.Decide(OrderProcess.Start(Id), Place(), T0 + 5, Policy).State;
    private static readonly OrderProcess Sending = Journaled(Submitted) with { InFlight = VenueCallInFlight.Submit };
    private static readonly OrderProcess Recovering = Journaled(Submitted) with { SubmitUncertain = true, InFlight = VenueCallInFlight.Lookup };
    private static readonly OrderProcess LookingUp = Journaled(Submitted) with { InFlight = VenueCallInFlight.Lookup };

    public static TheoryData<Row> Rows => new()
    {
        // creation and the door
        new("place inside the horizon: nothing written yet, ask the gate", Fresh, Place(), T0 + 5, [],
            ["IdleAfter", "AskRisk", "ReplyPlaced(new, Created)", "StartTimer(Horizon)"]),
        new("place a signal already past its horizon", Fresh, Place(), By + 1, ["OrderCreated", "Expired(SignalTooOld)"],
            ["StopAllTimers", "ReleaseAtGate", "IdleAfter", "ReplyPlaced(new, Expired)"]),
        new("place on a node shutting down", Fresh, Place(admitting: false), T0 + 5, [], ["ReplyNotPlaced", "IdleAfter"]),
        new("place again", Journaled(Resting), Place(), T0 + 5, [], ["ReplyPlaced(existing, Resting)"]),

        // the gate
        new("approved: creation, approval and submit in one write, then the venue", Placed, new RiskApprovedInput(Id, Money.FromDollars(6)), T0 + 20,
            ["OrderCreated", "RiskApproved", "SubmitRequested"], ["SubmitToVenue"]),
        new("denied: creation and denial in one write", Placed, new RiskDeniedInput(Id, RiskDenialReason.MaxOpenMarkets), T0 + 20,
            ["OrderCreated", "RiskDenied"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("horizon passes before the gate answered a new order", Placed, new TimerFired(OrderTimer.Horizon), By + 1,
            ["OrderCreated", "Expired(HorizonPassedBeforeSubmit)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("approved after its creation was journaled (an older journal)", Asked, new RiskApprovedInput(Id, Money.FromDollars(6)), T0 + 20,
            ["RiskApproved", "SubmitRequested"], ["SubmitToVenue"]),
        new("approved after the horizon", Asked, new RiskApprovedInput(Id, Money.FromDollars(6)), By + 1,
            ["Expired(HorizonPassedBeforeSubmit)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("approved after a cancel", Asked with { CancelWanted = true }, new RiskApprovedInput(Id, Money.FromDollars(6)), T0 + 20,
            ["RiskApproved", "Canceled"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("approval for another order fails closed", Asked, new RiskApprovedInput("ex-2", Money.FromDollars(6)), T0 + 20,
            ["Rejected(RiskUnavailable)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("denied", Asked, new RiskDeniedInput(Id, RiskDenialReason.MaxOpenMarkets), T0 + 20, ["RiskDenied"],
            ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("gate unavailable", Asked, new RiskUnavailableInput("journal write failed"), T0 + 20, ["Rejected(RiskUnavailable)"],
            ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),

        // the horizon
        new("horizon passes while waiting for the gate", Asked, new TimerFired(OrderTimer.Horizon), By + 1,
            ["Expired(HorizonPassedBeforeSubmit)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("horizon passes after the submit left", Sending, new TimerFired(OrderTimer.Horizon), By + 1, [], []),
        new("the submit write finished after the horizon", Sending, SubmitWindowClosed.Instance, By + 1,
            ["Expired(HorizonPassedInJournal)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("the window closed but an earlier submit may land", Sending with { SubmitUncertain = true }, SubmitWindowClosed.Instance, By + 1,
            [], ["LookupAtVenue"]),

        // the gate did not confirm a held reservation: the venue call is not made
        new("not confirmed: rejected, released, never sent", Sending, new SubmitHeldBack("denied: Halted"), T0 + 30,
            ["Rejected(RiskUnavailable)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("not confirmed for a resend after a restart: wait until an earlier submit can no longer land", Sending with { SubmitUncertain = true },
            new SubmitHeldBack("no answer within 3 s"), T0 + 2_000, [], ["StartTimer(Reconcile)"]),
        new("not confirmed once nothing sent can land", Sending with { SubmitUncertain = true }, new SubmitHeldBack("denied: Halted"), Final + 1,
            ["Rejected(RiskUnavailable)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),

        // recovery
        new("recovered before the gate answered, inside the horizon", Journaled(), Recovered.Instance, T0 + 500, [],
            ["NotifyDesk", "AskRisk", "StartTimer(Horizon)"]),
        new("recovered before the gate answered, after the horizon", Journaled(), Recovered.Instance, By + 1,
            ["Expired(HorizonPassedBeforeSubmit)"], ["NotifyDesk", "StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("recovered while submitting: ask the venue", Journaled(Submitted), Recovered.Instance, By + 60_000, [], ["NotifyDesk", "LookupAtVenue"]),
        new("recovered resting: re-report fills, ask the venue", Journaled([.. Resting, new FillApplied("t-1", Quantity.FromContracts(2), Price.FromCents(50), Money.FromCents(1), true)]),
            Recovered.Instance, By + 60_000, [], ["NotifyDesk", "ReportFillToGate", "LookupAtVenue"]),
        new("recovered filled: re-report and release", Journaled([.. Resting, new FillApplied("t-1", Quantity.FromContracts(10), Price.FromCents(50), Money.FromCents(1), true)]),
            Recovered.Instance, By + 60_000, [], ["NotifyDesk", "ReportFillToGate", "StopAllTimers", "ReleaseAtGate", "IdleAfter"]),

        // the venue never saw it
        new("not found inside the horizon: send again", Recovering, new LookupAnswered(VenueOrderLookup.NotFound), T0 + 2_000,
            ["SubmitRetried"], ["SubmitToVenue"]),
        new("not found after the horizon, a submit may still land", Recovering, new LookupAnswered(VenueOrderLookup.NotFound), By + 100,
            [], ["StartTimer(Reconcile)"]),
        new("not found once nothing can land", Recovering, new LookupAnswered(VenueOrderLookup.NotFound), Final + 1,
            ["Expired(HorizonPassedNeverSeen)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("not found after the horizon, nothing ever sent", LookingUp, new LookupAnswered(VenueOrderLookup.NotFound), By + 100,
            ["Expired(HorizonPassedNeverSeen)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("an old journal without a horizon is never sent again", Journaled(Created(submitBy: null), Submitted) with
            { SubmitUncertain = true, InFlight = VenueCallInFlight.Lookup, CreatedAtMs = null },
            new LookupAnswered(VenueOrderLookup.NotFound), T0 + 100, ["Expired(HorizonPassedNeverSeen)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("found at the venue", Recovering, new LookupAnswered(VenueOrderLookup.Found(VenueOrder())), By + 60_000,
            ["Acknowledged"], ["StartTimer(CancelAfter)"]),

        // answers from the venue
        new("accepted and resting", Sending, new SubmitAnswered(new VenueSubmitResult(VenueResultKind.Accepted, "x-1", VenueOrderStatus.Resting,
            Quantity.Zero, Quantity.FromContracts(10), null)), T0 + 30, ["Acknowledged"], ["StartTimer(CancelAfter)"]),
        new("refused by the venue", Sending, new SubmitAnswered(VenueSubmitResult.Rejected(VenueResultKind.InsufficientBalance, "no cash")), T0 + 30,
            ["Rejected(InsufficientBalance)"], ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("the answer was lost", Sending, new SubmitLost("timeout"), T0 + 30, [], ["LookupAtVenue"]),
        new("accepted with fills: fetch them first", Sending, new SubmitAnswered(new VenueSubmitResult(VenueResultKind.Accepted, "x-1",
            VenueOrderStatus.Resting, Quantity.FromContracts(4), Quantity.FromContracts(6), null)), T0 + 30, [], ["FetchFills"]),
        new("the fills fetched: acknowledgement and fills in one write", Journaled(Submitted) with { InFlight = VenueCallInFlight.Fills, PendingAck = "x-1" },
            new FillsFetched([Fill("t-1", 4)], VenueOrder(filled: 4)), T0 + 40, ["Acknowledged", "FillApplied"],
            ["ReportFillToGate", "StartTimer(CancelAfter)"]),
        new("the fills could not be fetched: acknowledge, look again", Journaled(Submitted) with { InFlight = VenueCallInFlight.Fills, PendingAck = "x-1" },
            new LookupFailed("503"), T0 + 40, ["Acknowledged"], ["StartTimer(Reconcile)"]),

        // fills and cancels
        new("a full fill ends it, and ends it at the gate with the same report", Journaled(Resting), new FillReported(Fill("t-1", 10)), T0 + 40,
            ["FillApplied"], ["ReportFillToGate(ends order)", "StopAllTimers", "IdleAfter"]),
        new("the same trade again is only counted", Journaled([.. Resting, new FillApplied("t-1", Quantity.FromContracts(2), Price.FromCents(50), Money.FromCents(1), true)]),
            new FillReported(Fill("t-1", 2)), T0 + 40, [], []),
        new("cancel a resting order", Journaled(Resting), new CancelCommanded("operator"), T0 + 40, ["CancelRequested"], ["CancelAtVenue"]),
        new("cancel before the gate answered waits for it", Asked, new CancelCommanded("operator"), T0 + 40, [], []),
        new("the venue canceled it", Journaled(Resting), new VenueUpdated(VenueOrder(VenueOrderStatus.Canceled)), T0 + 40, ["Canceled"],
            ["StopAllTimers", "ReleaseAtGate", "IdleAfter"]),
        new("resting past cancel-after", Journaled(Resting), new TimerFired(OrderTimer.CancelAfter), T0 + 30_000, ["CancelRequested"], ["CancelAtVenue"]),

        // idle
        new("an empty order idles out and releases what a lost incarnation may have reserved", Fresh, IdleElapsed.Instance, T0, [],
            ["ReleaseAtGate", "Passivate"]),
        new("a working order never idles out", Journaled(Resting), IdleElapsed.Instance, T0, [], []),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decides(Row row)
    {
        var d = OrderLifecycle.Decide(row.State, row.Input, row.Now, Policy);

        Assert.Equal(row.Events, d.Events.Select(Name));
        Assert.Equal(row.Effects, d.Effects.Where(e => e is not LogLine and not Narrate).Select(Name));
    }

    [Fact]
    public void A_finished_order_stops_soon_and_an_order_never_created_only_after_the_long_idle()
    {
        var denied = OrderLifecycle.Decide(Asked, new RiskDeniedInput(Id, RiskDenialReason.MaxOpenMarkets), T0 + 20, Policy);
        Assert.Equal(Policy.FinishedStopAfter, Assert.IsType<IdleAfter>(Assert.Single(denied.Effects, e => e is IdleAfter)).After);

        var refused = OrderLifecycle.Decide(Fresh, Place(admitting: false), T0 + 5, Policy);
        Assert.Equal(Policy.IdleStopAfter, Assert.IsType<IdleAfter>(Assert.Single(refused.Effects, e => e is IdleAfter)).After);
        Assert.True(Policy.FinishedStopAfter < Policy.IdleStopAfter);
    }

    [Fact]
    public void The_venue_call_carries_the_horizon_and_the_venue_side_expiry()
    {
        var d = OrderLifecycle.Decide(Journaled() with { RiskPending = true }, new RiskApprovedInput(Id, Money.FromDollars(6)), T0 + 20, Policy);

        var submit = Assert.IsType<SubmitToVenue>(Assert.Single(d.Effects, e => e is SubmitToVenue));
        Assert.Equal(By, submit.NotAfterMs);
        Assert.Equal(By + 30_000, submit.Request.ExpiresAtMs); // horizon + cancel-after
        Assert.Equal(Id, submit.Request.ClientOrderId);
        Assert.Equal(VenueCallInFlight.Submit, d.State.InFlight);
    }

    [Fact]
    public void A_created_order_carries_its_signal_time_and_horizon()
    {
        var placed = OrderLifecycle.Decide(OrderProcess.Start(Id), Place(signalAt: T0), T0 + 5, Policy);
        var d = OrderLifecycle.Decide(placed.State, new RiskApprovedInput(Id, Money.FromDollars(6)), T0 + 9, Policy);

        var created = Assert.IsType<OrderCreated>(d.Events[0]);
        Assert.Equal((T0, By, "sig-1"), (created.SignalAtMs, created.SubmitByMs, created.SignalId));
        Assert.Equal(TimeSpan.FromMilliseconds(By - T0 - 5), Assert.IsType<StartTimer>(placed.Effects.Single(e => e is StartTimer)).After);
        Assert.Null(d.State.Unjournaled);
    }

    [Fact]
    public void Waiting_for_an_earlier_submit_looks_again_exactly_when_nothing_can_land_any_more()
    {
        var recovering = Journaled(Submitted) with { SubmitUncertain = true, InFlight = VenueCallInFlight.Lookup };

        var d = OrderLifecycle.Decide(recovering, new LookupAnswered(VenueOrderLookup.NotFound), By + 100, Policy);

        Assert.Equal(TimeSpan.FromMilliseconds(Final - (By + 100)), Assert.IsType<StartTimer>(d.Effects.Single(e => e is StartTimer)).After);
        Assert.Equal(VenueCallInFlight.None, d.State.InFlight);
    }

    [Fact]
    public void Replaying_the_decided_events_gives_the_decided_order()
    {
        var state = OrderProcess.Start(Id);
        var replayed = OrderProcess.Start(Id);
        OrderInput[] inputs =
        [
            Place(), new RiskApprovedInput(Id, Money.FromDollars(6)),
            new SubmitAnswered(new VenueSubmitResult(VenueResultKind.Accepted, "x-1", VenueOrderStatus.Resting, Quantity.Zero, Quantity.FromContracts(10), null)),
            new FillReported(Fill("t-1", 4)), new CancelCommanded("operator"),
            new CancelAnswered(new VenueCancelResult(VenueResultKind.Accepted, Quantity.FromContracts(6), null)),
            new LookupAnswered(VenueOrderLookup.Found(VenueOrder(VenueOrderStatus.Canceled, filled: 4))),
        ];
        var now = T0;
        foreach (var input in inputs)
        {
            var d = OrderLifecycle.Decide(state, input, now += 10, Policy);
            state = d.State;
            foreach (var e in d.Events) replayed = OrderLifecycle.Evolve(replayed, e, now);
        }

        Assert.Equal(ExecutionOrderState.Canceled, state.Order!.State);
        Assert.Equal(state.Order, replayed.Order);
        Assert.Equal(0, replayed.Refused);
    }
}
