using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

public sealed class OrderActorSpec : ExecutionSpec
{
    public OrderActorSpec() : base(new TestDatabase(), "order-actor-spec")
    {
    }

    [Fact]
    public void Fill_path_reserves_submits_once_fills_and_releases_the_reservation()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-fill");
        var order = Place("ex-fill", gate, venue, Signal("s-fill"));

        var resting = AwaitOrder(order, "ex-fill", S.Resting);
        Assert.Equal("x-1", resting.ExchangeOrderId);
        AwaitGate(gate, g => Assert.Equal("ex-fill", Assert.Single(g.Reservations).ExecutionId));

        venue.Fill("ex-fill", 10, 49, "t-1");
        var filled = AwaitOrder(order, "ex-fill", S.Filled);
        Assert.Equal(Quantity.FromContracts(10), filled.FilledCount);
        Assert.Equal(0, filled.RefusedTransitions);
        Assert.Equal(1, venue.SubmitCount);
        Assert.Equal(1, venue.OrderCount);

        var g = AwaitGate(gate, g => Assert.Empty(g.Reservations));
        Assert.Equal(Quantity.FromContracts(10), Assert.Single(g.Positions).Contracts);
        Assert.Equal(Money.Zero, g.Reserved);
    }

    [Fact]
    public void Partial_fill_then_cancel_ends_canceled_with_the_partial_position()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-partial");
        var order = Place("ex-partial", gate, venue, Signal("s-partial"));
        AwaitOrder(order, "ex-partial", S.Resting);

        venue.Fill("ex-partial", 4, 50, "t-1");
        AwaitOrder(order, "ex-partial", S.PartiallyFilled);
        order.Tell(new CancelOrder("ex-partial", "operator"));

        var canceled = AwaitOrder(order, "ex-partial", S.Canceled);
        Assert.Equal(Quantity.FromContracts(4), canceled.FilledCount);
        Assert.Equal(1, venue.CancelCount);
        var g = AwaitGate(gate, g => Assert.Empty(g.Reservations));
        Assert.Equal(Quantity.FromContracts(4), Assert.Single(g.Positions).Contracts);
    }

    [Fact]
    public void Unfilled_order_is_canceled_on_timeout_and_polled_until_the_venue_stops_saying_resting()
    {
        var venue = new FakeVenue { CancelStillRestingLookups = 3 };
        var gate = Gate("gate-timeout");
        var settings = Fast(p => p with { CancelAfter = TimeSpan.FromMilliseconds(300) });
        var order = Place("ex-timeout", gate, venue, Signal("s-timeout"), settings);

        AwaitOrder(order, "ex-timeout", S.Canceled);
        Assert.Equal(1, venue.CancelCount);
        Assert.True(venue.LookupCount >= 4, $"expected the order to be polled while still resting, saw {venue.LookupCount} lookups");
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order("ex-timeout")!.Status);
        AwaitGate(gate, g => Assert.Empty(g.Reservations));
    }

    [Theory]
    [InlineData(VenueResultKind.InsufficientBalance, OrderRejectReason.InsufficientBalance)]
    [InlineData(VenueResultKind.InvalidPrice, OrderRejectReason.InvalidPrice)]
    [InlineData(VenueResultKind.InvalidOrder, OrderRejectReason.InvalidOrder)]
    [InlineData(VenueResultKind.MarketInactive, OrderRejectReason.MarketInactive)]
    [InlineData(VenueResultKind.RateLimited, OrderRejectReason.RateLimited)]
    [InlineData(VenueResultKind.AuthFailed, OrderRejectReason.AuthenticationFailed)]
    [InlineData(VenueResultKind.ServerError, OrderRejectReason.VenueError)]
    public void Venue_rejection_is_recorded_with_its_reason_and_releases_the_reservation(VenueResultKind kind, OrderRejectReason expected)
    {
        var venue = new FakeVenue { RejectWith = kind };
        var gate = Gate("gate-reject");
        var order = Place("ex-reject", gate, venue, Signal("s-reject"));

        var rejected = AwaitOrder(order, "ex-reject", S.Rejected);
        Assert.Equal(expected, rejected.RejectReason);
        Assert.Equal(1, venue.SubmitCount);
        Assert.Equal(0, venue.OrderCount);
        AwaitGate(gate, g => Assert.Empty(g.Reservations));
    }

    [Fact]
    public void A_repeated_trade_id_is_applied_once()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-dup");
        var order = Place("ex-dup", gate, venue, Signal("s-dup"));
        AwaitOrder(order, "ex-dup", S.Resting);

        var fill = venue.Fill("ex-dup", 4, 50, "t-1");
        venue.Push(fill);
        venue.Push(fill);
        venue.Fill("ex-dup", 1, 50, "t-2");

        AwaitAssert(() =>
        {
            var view = AwaitOrder(order, "ex-dup", S.PartiallyFilled);
            Assert.Equal(Quantity.FromContracts(5), view.FilledCount);
            Assert.Equal(2, view.Fills.Count);
            Assert.Equal(2, view.DuplicateFills);
        }, Wait);
        AwaitGate(gate, g => Assert.Equal(Quantity.FromContracts(5), Assert.Single(g.Positions).Contracts));
    }

    [Fact]
    public void Risk_denial_is_journaled_with_its_rule_and_never_reaches_the_venue()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-deny", balanceDollars: 3);

        var tooBig = Place("ex-big", gate, venue, Signal("s-big", contracts: 101));
        Assert.Equal(RiskDenialReason.MaxContractsPerMarket, AwaitOrder(tooBig, "ex-big", S.RiskDenied).DenialReason);

        var tooExpensive = Place("ex-cash", gate, venue, Signal("s-cash", contracts: 10));
        Assert.Equal(RiskDenialReason.InsufficientBalance, AwaitOrder(tooExpensive, "ex-cash", S.RiskDenied).DenialReason);

        var first = Place("ex-first", gate, venue, Signal("s-first", ticker: "T2", contracts: 1));
        AwaitOrder(first, "ex-first", S.Resting);
        var second = Place("ex-second", gate, venue, Signal("s-second", ticker: "T2", contracts: 1));
        Assert.Equal(RiskDenialReason.OrderInFlight, AwaitOrder(second, "ex-second", S.RiskDenied).DenialReason);

        gate.Tell(new HaltTrading("test"));
        ExpectMsg<KillSwitchChanged>(Wait);
        var halted = Place("ex-halted", gate, venue, Signal("s-halted", ticker: "T3", contracts: 1));
        Assert.Equal(RiskDenialReason.Halted, AwaitOrder(halted, "ex-halted", S.RiskDenied).DenialReason);

        Assert.Equal(1, venue.SubmitCount); // only ex-first
    }

    [Fact]
    public void No_answer_from_the_gate_fails_closed()
    {
        var venue = new FakeVenue();
        var silentGate = CreateTestProbe();
        var settings = Fast(p => p with { RiskTimeout = TimeSpan.FromMilliseconds(300) });
        var order = Place("ex-silent", silentGate, venue, Signal("s-silent"), settings);

        silentGate.ExpectMsg<ReserveAhead>(Wait);
        var rejected = AwaitOrder(order, "ex-silent", S.Rejected);
        Assert.Equal(OrderRejectReason.RiskUnavailable, rejected.RejectReason);
        // A late approval is released: the order tells the gate it is over.
        Assert.Equal("ex-silent", silentGate.ExpectMsg<ReportOrderTerminal>(Wait).ExecutionId);
        Assert.Equal(0, venue.SubmitCount);
    }

    [Fact]
    public void Crash_after_submitting_is_reconciled_without_a_second_order()
    {
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.HangAfterCreate };
        var gate = Gate("gate-crash");
        var order = Place("ex-crash", gate, venue, Signal("s-crash"));

        AwaitAssert(() => Assert.Equal(1, venue.SubmitCount), Wait);
        Assert.Equal(S.Submitting, AwaitOrder(order, "ex-crash", S.Submitting).State);
        StopAndWait(order);

        var revived = Order("ex-crash", gate, venue);
        var resting = AwaitOrder(revived, "ex-crash", S.Resting);
        Assert.Equal(venue.Order("ex-crash")!.ExchangeOrderId, resting.ExchangeOrderId);
        Assert.Equal(1, venue.SubmitCount);
        Assert.Equal(1, venue.OrderCount);

        venue.Fill("ex-crash", 10, 50, "t-1");
        var filled = AwaitOrder(revived, "ex-crash", S.Filled);
        Assert.Equal(0, filled.RefusedTransitions);
        var g = AwaitGate(gate, g => Assert.Empty(g.Reservations));
        Assert.Equal(Quantity.FromContracts(10), Assert.Single(g.Positions).Contracts);
    }

    [Fact]
    public void A_lost_submit_reply_is_found_at_the_venue_and_not_resent()
    {
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.LoseReplyAfterCreate };
        var gate = Gate("gate-lost-reply");
        var order = Place("ex-lost-reply", gate, venue, Signal("s-lost-reply"));

        AwaitOrder(order, "ex-lost-reply", S.Resting);
        Assert.Equal(1, venue.SubmitCount);
        Assert.Equal(1, venue.OrderCount);
        Assert.True(venue.LookupCount >= 1);
    }

    [Fact]
    public void A_submit_that_never_arrived_is_sent_again_with_the_same_client_id()
    {
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.FailBeforeCreate };
        var gate = Gate("gate-lost-request");
        var order = Place("ex-lost-request", gate, venue, Signal("s-lost-request"));

        AwaitOrder(order, "ex-lost-request", S.Resting);
        Assert.Equal(2, venue.SubmitCount);
        Assert.Equal(1, venue.OrderCount);
    }

    [Fact]
    public void An_order_that_cannot_be_reconciled_needs_attention()
    {
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.FailBeforeCreate, LookupsFail = true };
        var gate = Gate("gate-attention");
        var order = Place("ex-attention", gate, venue, Signal("s-attention"));

        var view = AwaitOrder(order, "ex-attention", S.NeedsAttention);
        Assert.Contains("reconcile failed 3 times", view.AttentionReason);
        Assert.Equal(1, venue.SubmitCount);
        Assert.Equal(3, venue.LookupCount);
    }

    [Fact]
    public void An_exchange_side_cancel_pushed_by_the_venue_ends_the_order()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-exchange-cancel");
        var order = Place("ex-xc", gate, venue, Signal("s-xc"));
        AwaitOrder(order, "ex-xc", S.Resting);
        venue.Fill("ex-xc", 2, 50, "t-1", push: false); // the fill is only learned by asking

        venue.ExchangeCancel("ex-xc");
        var canceled = AwaitOrder(order, "ex-xc", S.Canceled);
        Assert.Equal(Quantity.FromContracts(2), canceled.FilledCount);
        Assert.Equal(0, venue.CancelCount);
    }

    [Fact]
    public void Snapshots_keep_recovery_short_and_give_back_the_same_order()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-snapshot");
        var settings = FastSettings with { SnapshotEvery = 2 };
        var order = Place("ex-snap", gate, venue, Signal("s-snap"), settings);
        AwaitOrder(order, "ex-snap", S.Resting);
        venue.Fill("ex-snap", 3, 50, "t-1");
        venue.Fill("ex-snap", 7, 48, "t-2");
        var before = AwaitOrder(order, "ex-snap", S.Filled);
        StopAndWait(order);

        AwaitAssert(() => Assert.True(SnapshotCount(OrderActor.PersistenceIdFor("ex-snap")) > 0, "a snapshot was saved"), Wait);

        var revived = Order("ex-snap", gate, venue, settings);
        var after = AwaitOrder(revived, "ex-snap", S.Filled);
        Assert.Equal(before.Fills, after.Fills);
        Assert.Equal(before with { Fills = after.Fills }, after);
        Assert.Equal(1, venue.SubmitCount);
    }

    [Fact]
    public void Placing_the_same_order_again_answers_the_existing_one()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-idem");
        var order = Place("ex-idem", gate, venue, Signal("s-idem"));
        AwaitOrder(order, "ex-idem", S.Resting);

        order.Tell(new PlaceOrder("ex-idem", Signal("s-idem")));
        var again = ExpectMsg<OrderPlaced>(Wait);
        Assert.False(again.IsNew);
        Assert.Equal(S.Resting, again.State);
        Assert.Equal(1, venue.SubmitCount);
    }

    [Fact]
    public void A_crash_before_the_gate_answered_leaves_no_order_and_the_reservation_is_released()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-crash-before-answer");
        var silent = CreateTestProbe();
        var settings = Fast(p => p with { IdleStopAfter = TimeSpan.FromMilliseconds(300) });
        var order = Place("ex-ask-crash", silent, venue, Signal("s-ask-crash"), settings);
        var reserve = silent.ExpectMsg<ReserveAhead>(Wait);
        // The real gate reserves for it (the ask reached it), then the order's node dies before the answers came back.
        gate.Tell(reserve);
        Assert.Equal(reserve.Attempt, ExpectMsg<ReservationHeld>(Wait).Attempt);
        Assert.Equal(reserve.Attempt, ExpectMsg<ReservationApproved>(Wait).Attempt); // pushed once durable
        StopAndWait(order);

        // Nothing was journaled: the order does not exist, nothing reaches the venue, and the empty order that a
        // restart brings back releases the reservation when it idles out.
        var revived = Order("ex-ask-crash", gate, venue, settings);
        Assert.False(StateNow(revived, "ex-ask-crash").Exists);
        AwaitGate(gate, g => Assert.Empty(g.Reservations));
        Assert.Equal(0, venue.SubmitCount);
    }

    [Fact]
    public void A_resubmit_answered_already_exists_is_resolved_by_looking_the_order_up()
    {
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.HangAfterCreate };
        var gate = Gate("gate-exists");
        var order = Place("ex-exists", gate, venue, Signal("s-exists"));
        AwaitAssert(() => Assert.Equal(1, venue.SubmitCount), Wait);
        StopAndWait(order);

        venue.HideFromLookups = 1; // the first lookup misses the order, so the client id is submitted again
        var revived = Order("ex-exists", gate, venue);
        var resting = AwaitOrder(revived, "ex-exists", S.Resting);
        Assert.Equal(2, venue.SubmitCount);
        Assert.Equal(1, venue.OrderCount);
        Assert.Equal(venue.Order("ex-exists")!.ExchangeOrderId, resting.ExchangeOrderId);
    }

    [Fact]
    public void A_fill_the_state_machine_refuses_is_counted_and_not_applied()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-refuse");
        var order = Place("ex-refuse", gate, venue, Signal("s-refuse", cents: 50));
        var resting = AwaitOrder(order, "ex-refuse", S.Resting);

        venue.Fill("ex-refuse", 2, 55, "t-beyond-limit"); // a buyer at 0.50 never pays 0.55
        AwaitAssert(() => Assert.Equal(1, AwaitOrder(order, "ex-refuse", S.Resting).RefusedTransitions), Wait);
        var after = AwaitOrder(order, "ex-refuse", S.Resting);
        Assert.Equal(Quantity.Zero, after.FilledCount);
        Assert.Equal(resting.SequenceNr, after.SequenceNr); // nothing journaled
        AwaitGate(gate, g => Assert.Empty(g.Positions));
    }

    [Fact]
    public void A_filled_order_settles()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-settle");
        var order = Place("ex-settle", gate, venue, Signal("s-settle", contracts: 2));
        AwaitOrder(order, "ex-settle", S.Resting);
        venue.Fill("ex-settle", 2, 50, "t-1");
        AwaitOrder(order, "ex-settle", S.Filled);

        order.Tell(new SettleOrder("ex-settle", OutcomeSide.Yes, Money.FromDollars(2)));
        AwaitOrder(order, "ex-settle", S.Settled);
    }
}
