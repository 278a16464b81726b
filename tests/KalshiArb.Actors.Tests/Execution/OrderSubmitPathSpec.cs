using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using KalshiArb.Domain.Audit;
using KalshiArb.Domain.Fees;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// The shortened signal→submit path: the gate is asked at once (one ReserveAhead, answered held, then approved once
/// durable), OrderCreated, RiskApproved and SubmitRequested are one write after its first answer, the venue call waits
/// for the approval, and a reservation left behind by an order that never became durable is released.
/// </summary>
public sealed class OrderSubmitPathSpec : ExecutionSpec
{
    public OrderSubmitPathSpec() : base(new TestDatabase(), "order-submit-path-spec")
    {
    }

    [Fact]
    public async Task The_journal_reads_created_approved_submit_in_order_and_passes_the_audit()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-path-audit");
        var order = Place("ex-path-audit", gate, venue, Signal("s-path-audit"));
        var resting = AwaitOrder(order, "ex-path-audit", S.Resting);

        var events = await JournalOf("ex-path-audit");

        Assert.Equal(
            ["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderSubmitRequestedEvent", "OrderAcknowledgedEvent"],
            events.Select(e => e.Event.GetType().Name));
        Assert.Equal(resting.SequenceNr, events.Count);
        var timeline = events.Select(e => new AuditedEvent(e.SequenceNr, ((OrderJournalEvent)e.Event).AtMs, ((OrderJournalEvent)e.Event).ToDomain())).ToList();
        var report = OrderAuditor.Audit("ex-path-audit", timeline, FeeSchedule.StandardTaker, requireTerminal: false);
        Assert.Empty(report.Violations);
        Assert.Equal(1, venue.SubmitCount);
    }

    [Fact]
    public async Task Creation_approval_and_submit_are_one_write_made_after_the_gate_answered_and_before_the_venue_is_called()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var desk = CreateTestProbe();
        var order = Order("ex-path-owner", gate, venue, desk: desk.Ref);
        order.Tell(new PlaceOrder("ex-path-owner", Signal("s-path-owner")));
        Assert.True(ExpectMsg<OrderPlaced>(Wait).IsNew);

        var reserve = gate.ExpectMsg<ReserveAhead>(Wait);
        // Nothing is journaled before the gate answers.
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, StateNow(order, "ex-path-owner").SequenceNr);
        Assert.Equal(0, venue.SubmitCount);
        gate.Reply(Approval(reserve));

        // One write, told to the desk once, then the venue is called.
        Assert.Equal(S.Submitting, desk.ExpectMsg<OrderStatusNotice>(Wait).State);
        Assert.Equal(S.Resting, AwaitOrder(order, "ex-path-owner", S.Resting).State);
        Assert.Equal(1, venue.SubmitCount);
        var journal = await JournalOf("ex-path-owner");
        Assert.Equal(["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderSubmitRequestedEvent", "OrderAcknowledgedEvent"],
            journal.Select(e => e.Event.GetType().Name));
        Assert.Equal(journal[0].Timestamp, journal[2].Timestamp); // written together
    }

    [Fact]
    public async Task A_held_reservation_lets_the_order_journal_at_once_and_the_venue_is_called_only_once_the_gate_pushes_its_approval()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var desk = CreateTestProbe();
        var order = Order("ex-path-held", gate, venue, desk: desk.Ref);
        order.Tell(new PlaceOrder("ex-path-held", Signal("s-path-held")));
        Assert.True(ExpectMsg<OrderPlaced>(Wait).IsNew);

        // one message to the gate, told by the order itself (it takes two answers), with a token of its own
        var ahead = gate.ExpectMsg<ReserveAhead>(Wait);
        Assert.NotEqual(0, ahead.Attempt);
        var asker = gate.LastSender;
        gate.Reply(new ReservationHeld(Reserved(ahead.ToReserve()), ahead.Attempt));
        // the order's own write is made without waiting for the gate's, and no second ask goes out
        Assert.Equal(S.Submitting, desk.ExpectMsg<OrderStatusNotice>(Wait).State);
        Assert.Equal(asker, desk.LastSender); // the order actor asked, not a temporary asker
        gate.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        // journaled, but not at the venue: the reservation is not durable yet
        Assert.Equal(0, venue.SubmitCount);
        Assert.Equal(3, StateNow(order, "ex-path-held").SequenceNr);

        asker.Tell(new ReservationApproved(Reserved(ahead.ToReserve()), ahead.Attempt), gate.Ref);
        Assert.Equal(S.Resting, AwaitOrder(order, "ex-path-held", S.Resting).State);
        Assert.Equal(1, venue.SubmitCount);
        Assert.Equal(["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderSubmitRequestedEvent", "OrderAcknowledgedEvent"],
            (await JournalOf("ex-path-held")).Select(e => e.Event.GetType().Name));
    }

    [Fact]
    public void An_approval_pushed_for_another_ask_is_ignored_while_the_order_waits_for_its_own()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var order = Place("ex-path-token", gate, venue, Signal("s-path-token"));
        var ahead = gate.ExpectMsg<ReserveAhead>(Wait);
        gate.Reply(new ReservationHeld(Reserved(ahead.ToReserve()), ahead.Attempt));
        AwaitOrder(order, "ex-path-token", S.Submitting);

        // an earlier ask's or incarnation's approval (another token), and a Reserve's (no token): neither confirms this one
        gate.Reply(new ReservationApproved(Reserved(ahead.ToReserve()), ahead.Attempt ^ 1));
        gate.Reply(new ReservationApproved(Reserved(ahead.ToReserve())));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, venue.SubmitCount);
        Assert.Equal(S.Submitting, StateNow(order, "ex-path-token").State);

        gate.Reply(new ReservationApproved(Reserved(ahead.ToReserve()), ahead.Attempt));
        AwaitOrder(order, "ex-path-token", S.Resting);
        Assert.Equal(1, venue.SubmitCount);
    }

    [Fact]
    public async Task A_held_reservation_whose_approval_never_comes_ends_the_order_rejected_and_released_without_a_venue_call()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var settings = Fast(p => p with { RiskTimeout = TimeSpan.FromMilliseconds(300) });
        var order = Place("ex-path-no-push", gate, venue, Signal("s-path-no-push"), settings);
        var ahead = gate.ExpectMsg<ReserveAhead>(Wait);
        gate.Reply(new ReservationHeld(Reserved(ahead.ToReserve()), ahead.Attempt));

        // the wait for the pushed approval is bounded by the risk timeout, as an ask is
        var rejected = AwaitOrder(order, "ex-path-no-push", S.Rejected);
        Assert.Equal(OrderRejectReason.RiskUnavailable, rejected.RejectReason);
        // the next message to the gate releases the reservation: no other ask went out meanwhile
        Assert.Equal("ex-path-no-push", gate.ExpectMsg<ReportOrderTerminal>(Wait).ExecutionId);
        Assert.Equal(0, venue.SubmitCount);
        // approved at last: too late, nothing is sent
        gate.Reply(new ReservationApproved(Reserved(ahead.ToReserve()), ahead.Attempt));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, venue.SubmitCount);
        Assert.Equal(["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderSubmitRequestedEvent", "OrderRejectedEvent"],
            (await JournalOf("ex-path-no-push")).Select(e => e.Event.GetType().Name));
    }

    [Fact]
    public async Task A_held_reservation_the_gate_does_not_confirm_ends_the_order_rejected_without_a_venue_call()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var order = Place("ex-path-unconfirmed", gate, venue, Signal("s-path-unconfirmed"));
        var ahead = gate.ExpectMsg<ReserveAhead>(Wait);
        gate.Reply(new ReservationHeld(Reserved(ahead.ToReserve()), ahead.Attempt));
        // what RiskGateSupervisor pushes when the gate stops before the reservation's write was durable
        gate.Reply(new RiskGateUnavailable("ex-path-unconfirmed", "risk gate unavailable: journal write failed", ahead.Attempt));

        var rejected = AwaitOrder(order, "ex-path-unconfirmed", S.Rejected);
        Assert.Equal(OrderRejectReason.RiskUnavailable, rejected.RejectReason);
        Assert.Equal(0, venue.SubmitCount);
        Assert.Equal("ex-path-unconfirmed", gate.ExpectMsg<ReportOrderTerminal>(Wait).ExecutionId);
        Assert.Equal(["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderSubmitRequestedEvent", "OrderRejectedEvent"],
            (await JournalOf("ex-path-unconfirmed")).Select(e => e.Event.GetType().Name));
    }

    [Fact]
    public void A_resend_after_a_restart_confirms_with_a_reserve_ask_and_an_approval_pushed_to_the_earlier_incarnation_does_not_count()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var desk = CreateTestProbe();
        var order = Order("ex-path-restart", gate, venue, desk: desk.Ref);
        order.Tell(new PlaceOrder("ex-path-restart", Signal("s-path-restart")));
        Assert.True(ExpectMsg<OrderPlaced>(Wait).IsNew);
        var ahead = gate.ExpectMsg<ReserveAhead>(Wait);
        gate.Reply(new ReservationHeld(Reserved(ahead.ToReserve()), ahead.Attempt));
        Assert.Equal(S.Submitting, desk.ExpectMsg<OrderStatusNotice>(Wait).State);
        // the node dies before the gate's write is confirmed
        StopAndWait(order);

        // The next incarnation finds it Submitting: the venue has not got it, so it is sent again, after a Reserve ask.
        var revived = Order("ex-path-restart", gate, venue, desk: desk.Ref);
        Assert.Equal(S.Submitting, desk.ExpectMsg<OrderStatusNotice>(Wait).State);
        var incarnation = desk.LastSender;
        var confirm = gate.ExpectMsg<Reserve>(Wait);
        Assert.Equal(ahead.ToReserve(), confirm);
        Assert.NotEqual(incarnation, gate.LastSender); // asked, not told: the Reserve has its own asker

        incarnation.Tell(new ReservationApproved(Reserved(confirm), ahead.Attempt), gate.Ref);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, venue.SubmitCount);

        gate.Reply(new ReservationApproved(Reserved(confirm)));
        AwaitOrder(revived, "ex-path-restart", S.Resting);
        Assert.Equal(1, venue.SubmitCount);
    }

    [Fact]
    public async Task With_reserve_ahead_off_the_order_asks_reserve_once_and_writes_after_the_durable_approval()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var order = Place("ex-path-off", gate, venue, Signal("s-path-off"), FastSettings with { ReserveAhead = false });
        var reserve = gate.ExpectMsg<Reserve>(Wait);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, StateNow(order, "ex-path-off").SequenceNr); // nothing journaled before the approval

        gate.Reply(new ReservationApproved(Reserved(reserve)));
        AwaitOrder(order, "ex-path-off", S.Resting);
        Assert.Equal(1, venue.SubmitCount);
        gate.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // one ask: an approval is durable, nothing to confirm
        Assert.Equal(["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderSubmitRequestedEvent", "OrderAcknowledgedEvent"],
            (await JournalOf("ex-path-off")).Select(e => e.Event.GetType().Name));
    }

    [Fact]
    public async Task A_cancel_while_the_gate_decides_ends_the_order_without_a_submit()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var order = Place("ex-path-cancel", gate, venue, Signal("s-path-cancel"));
        var reserve = gate.ExpectMsg<ReserveAhead>(Wait);

        order.Tell(new CancelOrder("ex-path-cancel", "operator"));
        StateNow(order, "ex-path-cancel"); // answered after the cancel: the cancel is in before the approval
        gate.Reply(Approval(reserve));

        var canceled = AwaitOrder(order, "ex-path-cancel", S.Canceled);
        Assert.Equal(["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderCanceledEvent"],
            (await JournalOf("ex-path-cancel")).Select(e => e.Event.GetType().Name)); // no SubmitRequested
        Assert.Equal(3, canceled.SequenceNr);
        Assert.Equal(0, venue.SubmitCount);
        Assert.Equal("ex-path-cancel", gate.ExpectMsg<ReportOrderTerminal>(Wait).ExecutionId);
    }

    [Fact]
    public void A_reservation_whose_order_never_became_durable_is_released_when_the_empty_order_idles_out()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-path-orphan");
        // The lost incarnation's ask: the gate reserved, the order's OrderCreated never reached the journal.
        gate.Tell(new Reserve("ex-path-orphan", "T-ORPHAN", OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(2)));
        Assert.IsType<ReservationApproved>(ExpectMsg<object>(Wait));
        AwaitGate(gate, g => Assert.Equal("ex-path-orphan", Assert.Single(g.Reservations).ExecutionId));

        var settings = Fast(p => p with { IdleStopAfter = TimeSpan.FromMilliseconds(200) });
        Order("ex-path-orphan", gate, venue, settings);

        AwaitGate(gate, g => Assert.Empty(g.Reservations));
        Assert.Equal(0, venue.SubmitCount);
    }

    [Fact]
    public void A_placed_order_does_not_release_its_own_reservation_while_it_lives()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-path-live");
        var settings = Fast(p => p with { IdleStopAfter = TimeSpan.FromMilliseconds(200) });
        var order = Place("ex-path-live", gate, venue, Signal("s-path-live"), settings);
        AwaitOrder(order, "ex-path-live", S.Resting);

        // Well past the idle time: a working order never idles out, so the reservation stays.
        ExpectNoMsg(TimeSpan.FromMilliseconds(600));
        AwaitGate(gate, g => Assert.Equal("ex-path-live", Assert.Single(g.Reservations).ExecutionId));
        Assert.Equal(S.Resting, AwaitOrder(order, "ex-path-live", S.Resting).State);
    }

    private ReservationApproved Approval(ReserveAhead r) => new(Reserved(r.ToReserve()), r.Attempt);

    private Reservation Reserved(Reserve r) =>
        new(r.ExecutionId, r.Ticker, r.Side, r.LimitPrice, r.Count, Money.FromDollars(6), IsReducing: false, Clock.Now);
}
