namespace KalshiArb.Actors.Tests.Risk;

public sealed class RiskGateActorSpec : JournalTestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly ManualClock _clock = new();

    public RiskGateActorSpec() : this(new TestDatabase())
    {
    }

    private RiskGateActorSpec(TestDatabase db) : base(db, "risk-gate-spec")
    {
    }

    private static Reserve Buy(string id, string ticker, int contracts, int cents = 50, OutcomeSide side = OutcomeSide.Yes) =>
        new(id, ticker, side, Price.FromCents(cents), Quantity.FromContracts(contracts));

    private IActorRef Gate(RiskGateSettings settings) => Sys.ActorOf(RiskGateActor.Props(settings));

    private void Restart(ref IActorRef gate, RiskGateSettings settings)
    {
        Watch(gate);
        Sys.Stop(gate);
        ExpectTerminated(gate, Wait);
        gate = Gate(settings);
    }


    private RiskStateView State(IActorRef gate)
    {
        gate.Tell(GetRiskState.Instance);
        return ExpectMsg<RiskStateView>(Wait);
    }

    [Fact]
    public void Approval_is_journaled_and_a_repeated_reserve_gets_the_same_approval_even_after_a_restart()
    {
        var settings = RiskTestData.Settings(_clock, persistenceId: "gate-idem");
        var gate = Gate(settings);
        gate.Tell(Buy("e1", "T1", 10));
        var first = ExpectMsg<ReservationApproved>(Wait).Reservation;
        Assert.Equal("e1", first.ExecutionId);
        Assert.True(first.Amount > Money.Notional(Price.FromCents(50), Quantity.FromContracts(10)), "fees are reserved too");

        gate.Tell(Buy("e1", "T1", 10));
        Assert.Equal(first, ExpectMsg<ReservationApproved>(Wait).Reservation);

        Restart(ref gate, settings);
        var view = State(gate);
        Assert.Equal(first, Assert.Single(view.Reservations));
        Assert.Equal(first.Amount, view.Reserved);
        Assert.Equal(1, view.SequenceNr);

        gate.Tell(Buy("e1", "T1", 10));
        Assert.Equal(first, ExpectMsg<ReservationApproved>(Wait).Reservation);
        // A different order under a used id is refused, never merged.
        gate.Tell(Buy("e1", "T1", 11));
        Assert.Equal(RiskDenialReason.DuplicateExecutionId, ExpectMsg<ReservationDenied>(Wait).Reason);
    }

    [Fact]
    public void A_reserve_ahead_is_held_at_once_and_its_approval_is_pushed_to_the_same_asker_once_the_reservation_is_journaled()
    {
        var settings = RiskTestData.Settings(_clock, persistenceId: "gate-ahead");
        var gate = Gate(settings);
        var ahead = Buy("e1", "T1", 10);
        gate.Tell(new ReserveAhead(ahead.ExecutionId, ahead.Ticker, ahead.Side, ahead.LimitPrice, ahead.Count, Attempt: 41));
        var held = ExpectMsg<ReservationHeld>(Wait);
        Assert.Equal("e1", held.Reservation.ExecutionId);
        Assert.Equal(41, held.Attempt);
        // one ask, two answers: the approval follows without a second ask, after the write (a fresh gate reads it back)
        var approved = ExpectMsg<ReservationApproved>(Wait);
        Assert.Equal((held.Reservation, 41L), (approved.Reservation, approved.Attempt));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Restart(ref gate, settings);
        Assert.Equal(held.Reservation, Assert.Single(State(gate).Reservations));

        // a repeated first ask of a durable reservation is approved at once, with its own token
        gate.Tell(new ReserveAhead("e1", "T1", OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(10), Attempt: 42));
        var again = ExpectMsg<ReservationApproved>(Wait);
        Assert.Equal((held.Reservation, 42L), (again.Reservation, again.Attempt));
        gate.Tell(new ReserveAhead("e1", "T1", OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(11), Attempt: 43));
        var duplicate = ExpectMsg<ReservationDenied>(Wait);
        Assert.Equal((RiskDenialReason.DuplicateExecutionId, 43L), (duplicate.Reason, duplicate.Attempt));
        // denials are answered at once, the rules are the same as for Reserve
        gate.Tell(new ReserveAhead("e2", "T2", OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(100_000), Attempt: 44));
        Assert.Equal(44, ExpectMsg<ReservationDenied>(Wait).Attempt);
    }

    [Fact]
    public void Every_asker_of_a_reservation_still_being_written_hears_its_approval_with_its_own_token()
    {
        var gate = Gate(RiskTestData.Settings(_clock, persistenceId: "gate-ahead-waiters"));
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var confirming = CreateTestProbe();
        var r = Buy("e1", "T1", 10);
        // told back to back: the second ask and the Reserve find the reservation still on its way to the journal
        gate.Tell(new ReserveAhead(r.ExecutionId, r.Ticker, r.Side, r.LimitPrice, r.Count, Attempt: 1), first);
        gate.Tell(new ReserveAhead(r.ExecutionId, r.Ticker, r.Side, r.LimitPrice, r.Count, Attempt: 2), second);
        gate.Tell(r, confirming);

        Assert.Equal(1, first.ExpectMsg<ReservationHeld>(Wait).Attempt);
        Assert.Equal(1, first.ExpectMsg<ReservationApproved>(Wait).Attempt);
        // the second asker is told held (or approved, had the write been done by then), then approved
        var answer = second.ExpectMsg<object>(Wait);
        if (answer is ReservationHeld h)
        {
            Assert.Equal(2, h.Attempt);
            answer = second.ExpectMsg<object>(Wait);
        }
        Assert.Equal(2, Assert.IsType<ReservationApproved>(answer).Attempt);
        Assert.Equal(0, confirming.ExpectMsg<ReservationApproved>(Wait).Attempt);
        first.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, State(gate).SequenceNr); // one reservation, one write
    }

    [Fact]
    public void Denials_carry_the_rule_that_failed()
    {
        var gate = Gate(RiskTestData.Settings(_clock, RiskTestData.Limits(maxContracts: 20, maxOpenMarkets: 2), balanceDollars: 20,
            persistenceId: "gate-denials"));

        gate.Tell(Buy("big", "T1", 21));
        Assert.Equal(RiskDenialReason.MaxContractsPerMarket, ExpectMsg<ReservationDenied>(Wait).Reason);

        gate.Tell(Buy("a", "T1", 10));
        ExpectMsg<ReservationApproved>(Wait);
        gate.Tell(Buy("b", "T1", 1));
        Assert.Equal(RiskDenialReason.OrderInFlight, ExpectMsg<ReservationDenied>(Wait).Reason);

        gate.Tell(Buy("c", "T2", 20, cents: 90));
        Assert.Equal(RiskDenialReason.InsufficientBalance, ExpectMsg<ReservationDenied>(Wait).Reason);

        gate.Tell(Buy("d", "T2", 1));
        ExpectMsg<ReservationApproved>(Wait);
        gate.Tell(Buy("e", "T3", 1));
        Assert.Equal(RiskDenialReason.MaxOpenMarkets, ExpectMsg<ReservationDenied>(Wait).Reason);

        gate.Tell(Buy("f", "T1", 0));
        Assert.Equal(RiskDenialReason.InvalidRequest, ExpectMsg<ReservationDenied>(Wait).Reason);

        var view = State(gate);
        Assert.Equal(2, view.Reservations.Count);
        Assert.Equal(1, view.DenialCounts[nameof(RiskDenialReason.OrderInFlight)]);
        Assert.Equal(5, view.DenialCounts.Values.Sum());
        Assert.Equal(2, view.SequenceNr); // denials change nothing and are not journaled
    }

    [Fact]
    public void Orders_per_minute_throttle_resets_as_the_window_moves()
    {
        var gate = Gate(RiskTestData.Settings(_clock, RiskTestData.Limits(maxOrdersPerMinute: 1), persistenceId: "gate-throttle"));
        gate.Tell(Buy("a", "T1", 1));
        ExpectMsg<ReservationApproved>(Wait);
        gate.Tell(Buy("b", "T2", 1));
        Assert.Equal(RiskDenialReason.OrdersPerMinute, ExpectMsg<ReservationDenied>(Wait).Reason);
        _clock.Now += TimeSpan.FromMinutes(1);
        gate.Tell(Buy("c", "T2", 1));
        ExpectMsg<ReservationApproved>(Wait);
    }

    [Fact]
    public void A_fill_that_ends_its_order_releases_the_rest_in_the_same_event_and_replays_the_same()
    {
        var settings = RiskTestData.Settings(_clock, persistenceId: "gate-fill-ends");
        var gate = Gate(settings);
        gate.Tell(Buy("e1", "T1", 10));
        ExpectMsg<ReservationApproved>(Wait);
        var seq = State(gate).SequenceNr;

        gate.Tell(new ReportFill(new RiskFill("e1", "tr-1", "T1", OutcomeSide.Yes, Quantity.FromContracts(10), Price.FromCents(48), Money.FromCents(7)),
            EndsOrder: true));
        var after = State(gate);
        Assert.Empty(after.Reservations);
        Assert.Equal(Money.Zero, after.Reserved);
        Assert.Equal(Quantity.FromContracts(10), Assert.Single(after.Positions).Contracts);
        Assert.Equal(seq + 1, after.SequenceNr); // one event, not a fill and a release

        Restart(ref gate, settings);
        var replayed = State(gate);
        Assert.Empty(replayed.Reservations);
        Assert.Equal(after.Positions, replayed.Positions);
        Assert.Equal(after.Balance, replayed.Balance);
    }

    [Fact]
    public void Fills_move_positions_once_and_terminal_releases_the_rest()
    {
        var gate = Gate(RiskTestData.Settings(_clock, persistenceId: "gate-fills"));
        gate.Tell(Buy("e1", "T1", 10));
        var reservation = ExpectMsg<ReservationApproved>(Wait).Reservation;

        var fill = new RiskFill("e1", "tr-1", "T1", OutcomeSide.Yes, Quantity.FromContracts(4), Price.FromCents(48), Money.FromCents(7));
        gate.Tell(new ReportFill(fill));
        gate.Tell(new ReportFill(fill)); // the venue repeated itself
        var mid = State(gate);
        var position = Assert.Single(mid.Positions);
        Assert.Equal(Quantity.FromContracts(4), position.Contracts);
        Assert.Equal(Money.FromCents(4 * 48 + 7), position.CostBasis);
        Assert.Equal(Money.FromDollars(1_000) - Money.FromCents(4 * 48 + 7), mid.Balance);
        Assert.Equal(1, mid.RefusedUpdates);
        Assert.True(mid.Reserved < reservation.Amount);

        gate.Tell(new ReportOrderTerminal("e1"));
        gate.Tell(new ReportOrderTerminal("e1")); // re-reported after a restart: harmless
        var end = State(gate);
        Assert.Empty(end.Reservations);
        Assert.Equal(Money.Zero, end.Reserved);
        Assert.Equal(end.Balance, end.AvailableBalance);
        Assert.Equal(3, end.SequenceNr);
        Assert.Equal(1, end.RefusedUpdates);
    }

    [Fact]
    public void Halt_tells_subscribers_what_is_in_flight_and_only_resume_reopens_trading()
    {
        var settings = RiskTestData.Settings(_clock, persistenceId: "gate-halt");
        var gate = Gate(settings);
        var subscriber = CreateTestProbe();
        gate.Tell(SubscribeKillSwitch.Instance, subscriber);
        Assert.Equal(KillSwitchState.Trading, subscriber.ExpectMsg<KillSwitchChanged>(Wait).State);

        gate.Tell(Buy("e1", "T1", 2));
        ExpectMsg<ReservationApproved>(Wait);
        gate.Tell(new HaltTrading("operator"));
        var halted = ExpectMsg<KillSwitchChanged>(Wait);
        Assert.Equal(KillSwitchState.Halted, halted.State);
        var told = subscriber.ExpectMsg<KillSwitchChanged>(Wait);
        Assert.Equal(KillSwitchState.Halted, told.State);
        Assert.Equal(["e1"], told.InFlightExecutionIds);

        gate.Tell(Buy("e2", "T2", 1));
        Assert.Equal(RiskDenialReason.Halted, ExpectMsg<ReservationDenied>(Wait).Reason);

        Restart(ref gate, settings);
        Assert.Equal(KillSwitchState.Halted, State(gate).KillSwitch);
        gate.Tell(Buy("e3", "T2", 1));
        Assert.Equal(RiskDenialReason.Halted, ExpectMsg<ReservationDenied>(Wait).Reason);

        gate.Tell(new EnterReduceOnly("operator"));
        Assert.Equal(KillSwitchState.ReduceOnly, ExpectMsg<KillSwitchChanged>(Wait).State);
        gate.Tell(Buy("e4", "T2", 1));
        Assert.Equal(RiskDenialReason.ReduceOnly, ExpectMsg<ReservationDenied>(Wait).Reason);

        gate.Tell(new ResumeTrading("operator"));
        Assert.Equal(KillSwitchState.Trading, ExpectMsg<KillSwitchChanged>(Wait).State);
        gate.Tell(Buy("e5", "T2", 1));
        ExpectMsg<ReservationApproved>(Wait);
    }

    [Fact]
    public void Reduce_only_still_lets_an_order_shrink_a_position()
    {
        var gate = Gate(RiskTestData.Settings(_clock, persistenceId: "gate-reduce"));
        gate.Tell(new LoadVenueState(Money.FromDollars(100),
            [new VenuePositionSeed("T1", Quantity.FromContracts(5), Money.FromDollars(3))], []));
        ExpectMsg<VenueStateLoaded>(Wait);
        gate.Tell(new EnterReduceOnly("drawdown"));
        ExpectMsg<KillSwitchChanged>(Wait);

        gate.Tell(Buy("grow", "T1", 1, side: OutcomeSide.Yes));
        Assert.Equal(RiskDenialReason.ReduceOnly, ExpectMsg<ReservationDenied>(Wait).Reason);
        gate.Tell(Buy("shrink", "T1", 5, cents: 40, side: OutcomeSide.No));
        Assert.True(ExpectMsg<ReservationApproved>(Wait).Reservation.IsReducing);
    }

    [Fact]
    public void Losing_settlements_trip_the_streak_breaker()
    {
        var gate = Gate(RiskTestData.Settings(_clock, RiskTestData.Limits(lossStreakLimit: 1), persistenceId: "gate-streak"));
        gate.Tell(Buy("e1", "T1", 2));
        ExpectMsg<ReservationApproved>(Wait);
        gate.Tell(new ReportFill(new RiskFill("e1", "tr-1", "T1", OutcomeSide.Yes, Quantity.FromContracts(2), Price.FromCents(50), Money.FromCents(2))));
        gate.Tell(new ReportOrderTerminal("e1"));
        gate.Tell(new ReportSettlement("T1", Price.Zero)); // NO won: the YES position is worth nothing

        var view = State(gate);
        Assert.Empty(view.Positions);
        Assert.Equal(-Money.FromCents(102), view.RealizedToday);
        Assert.Equal(_clock.Now + TimeSpan.FromHours(1), view.CooldownUntil);

        gate.Tell(Buy("e2", "T2", 1));
        Assert.Equal(RiskDenialReason.LossStreakCooldown, ExpectMsg<ReservationDenied>(Wait).Reason);
    }

    [Fact]
    public void Startup_load_replaces_balance_and_positions_and_holds_room_for_resting_orders()
    {
        var settings = RiskTestData.Settings(_clock, persistenceId: "gate-load");
        var gate = Gate(settings);
        gate.Tell(new LoadVenueState(Money.FromDollars(250),
            [new VenuePositionSeed("T1", Quantity.FromContracts(-3), Money.FromCents(120))],
            [new VenueRestingOrderSeed("resting-1", "T2", OutcomeSide.Yes, Price.FromCents(30), Quantity.FromContracts(4))]));
        Assert.Equal(new VenueStateLoaded(1, 1), ExpectMsg<VenueStateLoaded>(Wait));

        Restart(ref gate, settings);
        var view = State(gate);
        Assert.Equal(Money.FromDollars(250), view.Balance);
        Assert.Equal(Quantity.FromContracts(-3), Assert.Single(view.Positions).Contracts);
        var held = Assert.Single(view.Reservations);
        Assert.Equal("resting-1", held.ExecutionId);
        Assert.Equal(Money.FromDollars(250) - held.Amount, view.AvailableBalance);

        gate.Tell(Buy("new", "T2", 1));
        Assert.Equal(RiskDenialReason.OrderInFlight, ExpectMsg<ReservationDenied>(Wait).Reason);
    }

    [Fact]
    public void Snapshots_and_the_events_after_them_rebuild_the_same_book()
    {
        var settings = RiskTestData.Settings(_clock, persistenceId: "gate-snap", snapshotEvery: 3);
        var gate = Gate(settings);
        for (var i = 0; i < 4; i++)
        {
            gate.Tell(Buy($"e{i}", $"T{i}", 2));
            ExpectMsg<ReservationApproved>(Wait);
            gate.Tell(new ReportFill(new RiskFill($"e{i}", $"tr-{i}", $"T{i}", OutcomeSide.Yes, Quantity.FromContracts(1), Price.FromCents(45), Money.FromCents(2))));
        }
        gate.Tell(new ReportOrderTerminal("e0"));
        var before = State(gate);
        Assert.Equal(9, before.SequenceNr);
        // Due at 3, 6 and 9, each taken at the first moment no write-ahead change is pending.
        AwaitAssert(() => Assert.InRange(SnapshotCount("gate-snap"), 1, 3), Wait);

        Restart(ref gate, settings);
        var after = State(gate);
        Assert.Equal(before with { DenialCounts = after.DenialCounts, Positions = after.Positions, Reservations = after.Reservations }, after);
        Assert.Equal(before.Positions, after.Positions);
        Assert.Equal(before.Reservations, after.Reservations);

        // The restored book still knows the applied trade ids and used execution ids.
        gate.Tell(new ReportFill(new RiskFill("e1", "tr-1", "T1", OutcomeSide.Yes, Quantity.FromContracts(1), Price.FromCents(45), Money.FromCents(2))));
        gate.Tell(Buy("e0", "T0", 2));
        Assert.Equal(RiskDenialReason.DuplicateExecutionId, ExpectMsg<ReservationDenied>(Wait).Reason);
        Assert.Equal(1, State(gate).RefusedUpdates);
    }
}
