using System.Diagnostics;

namespace KalshiArb.Actors.Tests.Risk;

/// <summary>The risk gate that comes back: journal failures through <see cref="RiskGateSupervisor"/>.</summary>
public sealed class RiskGateSupervisorSpec() : FailingJournalTestKit("risk-gate-supervisor-spec")
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>"At once": well under the 3 s an order waits for the gate.</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(1);

    /// <summary>What an order would otherwise wait for the gate (kalshiarb.risk.answer-timeout).</summary>
    private static readonly TimeSpan RiskAnswerTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The requirement: a journal that takes writes again is used within this, with nobody restarting anything.</summary>
    private static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();

    private RiskGateSettings Settings(string persistenceId) => RiskTestData.Settings(_clock, persistenceId: persistenceId);

    private static Reserve Buy(string id, string ticker, int contracts = 1) =>
        new(id, ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(contracts));

    private static RiskFill Fill(string tradeId, int contracts) =>
        new("e1", tradeId, "T1", OutcomeSide.Yes, Quantity.FromContracts(contracts), Price.FromCents(48), Money.FromCents(5));

    private object Answer(IActorRef gate, Reserve reserve, out TimeSpan took)
    {
        var clock = Stopwatch.StartNew();
        gate.Tell(reserve);
        var answer = ExpectMsg<object>(Wait);
        took = clock.Elapsed;
        return answer;
    }

    private Reservation Approved(IActorRef gate, Reserve reserve) =>
        Assert.IsType<ReservationApproved>(Answer(gate, reserve, out _)).Reservation;

    private RiskGateUnavailable RefusedAtOnce(IActorRef gate, Reserve reserve)
    {
        var refused = Assert.IsType<RiskGateUnavailable>(Answer(gate, reserve, out var took));
        Assert.True(took < AtOnce, $"refused after {took}");
        Assert.Equal(reserve.ExecutionId, refused.ExecutionId);
        return refused;
    }

    /// <summary>Asks again every 100 ms (a new order would) until approved.</summary>
    private Reservation ApprovedWithin(IActorRef gate, Reserve reserve, TimeSpan within)
    {
        Reservation? approved = null;
        AwaitAssert(() => approved = Assert.IsType<ReservationApproved>(Answer(gate, reserve, out _)).Reservation,
            within, TimeSpan.FromMilliseconds(100));
        return approved!;
    }

    private RiskStateView State(IActorRef gate)
    {
        gate.Tell(GetRiskState.Instance);
        return ExpectMsg<RiskStateView>(Wait);
    }

    private void Stop(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor, Wait);
    }

    /// <summary>What the journal holds: the state a fresh gate recovers (it only reads, so the gate under test may stay).</summary>
    private RiskStateView Journaled(RiskGateSettings settings)
    {
        var reader = Sys.ActorOf(RiskGateActor.Props(settings));
        var view = State(reader);
        Stop(reader);
        return view;
    }

    [Fact]
    public async Task Without_the_supervisor_a_failed_write_stops_the_gate_for_good_and_orders_go_unanswered()
    {
        var bare = Sys.ActorOf(RiskGateActor.Props(Settings("bare")));
        Watch(bare);
        Approved(bare, Buy("e1", "T1"));

        await Journal.OnWrite.Fail();
        bare.Tell(Buy("e2", "T2"));
        ExpectTerminated(bare, Wait);
        await Journal.OnWrite.Pass();
        bare.Tell(Buy("e3", "T3"));
        ExpectNoMsg(AtOnce);
    }

    [Fact]
    public async Task A_reservation_held_ahead_of_a_write_that_fails_is_never_confirmed()
    {
        var settings = Settings("sup-ahead");
        var gate = Sys.ActorOf(RiskGateSupervisor.Props(settings));
        Approved(gate, Buy("e1", "T1"));

        await Journal.OnWrite.Fail();
        var ahead = Buy("e2", "T2");
        gate.Tell(new ReserveAhead(ahead.ExecutionId, ahead.Ticker, ahead.Side, ahead.LimitPrice, ahead.Count, Attempt: 7));
        var held = ExpectMsg<ReservationHeld>(Wait);
        Assert.Equal(("e2", 7L), (held.Reservation.ExecutionId, held.Attempt));
        // its write failed under the gate: instead of the approval, the asker is told (at once, with its token) that the
        // gate went down, so nothing reaches a venue on it
        var down = Assert.IsType<RiskGateUnavailable>(ExpectMsg<object>(Wait));
        Assert.Equal(("e2", 7L), (down.ExecutionId, down.Attempt));
        ExpectNoMsg(AtOnce);

        await Journal.OnWrite.Pass();
        // once the journal takes writes, the same order's ask is evaluated afresh and approved only when journaled
        ApprovedWithin(gate, ahead, ResumeWithin);
        Stop(gate);
        Assert.Equal(["e1", "e2"], Journaled(settings).Reservations.Select(r => r.ExecutionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_reserve_ahead_through_the_supervisor_is_held_then_approved_to_its_own_asker_with_its_own_token()
    {
        var gate = Sys.ActorOf(RiskGateSupervisor.Props(Settings("sup-ahead-route")));
        Approved(gate, Buy("e0", "T0")); // the gate is up
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var r = Buy("e1", "T1");
        gate.Tell(new ReserveAhead(r.ExecutionId, r.Ticker, r.Side, r.LimitPrice, r.Count, Attempt: 11), first);
        gate.Tell(new ReserveAhead(r.ExecutionId, r.Ticker, r.Side, r.LimitPrice, r.Count, Attempt: 22), second);
        var other = Buy("e2", "T2");
        gate.Tell(new ReserveAhead(other.ExecutionId, other.Ticker, other.Side, other.LimitPrice, other.Count, Attempt: 11), first);

        // per asker, in order: held then approved (a repeated ask may find the reservation durable: approved at once)
        var answers = new List<(string Id, string Kind, long Attempt)>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(first.ExpectMsg<object>(Wait) switch
            {
                ReservationHeld h => (h.Reservation.ExecutionId, "held", h.Attempt),
                ReservationApproved a => (a.Reservation.ExecutionId, "approved", a.Attempt),
                var x => (x.GetType().Name, "?", -1),
            });
        }
        Assert.Equal([("e1", "held", 11L), ("e1", "approved", 11L)], answers.Where(a => a.Id == "e1"));
        Assert.Equal([("e2", "held", 11L), ("e2", "approved", 11L)], answers.Where(a => a.Id == "e2"));
        var answer = second.ExpectMsg<object>(Wait);
        if (answer is ReservationHeld held)
        {
            Assert.Equal(22, held.Attempt);
            answer = second.ExpectMsg<object>(Wait);
        }
        Assert.Equal(22, Assert.IsType<ReservationApproved>(answer).Attempt);
        first.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(3, State(gate).SequenceNr); // e0, e1 and e2: one write each
    }

    [Fact]
    public async Task A_failed_journal_write_refuses_orders_at_once_and_approvals_resume_within_10_s_once_the_journal_takes_writes()
    {
        var settings = Settings("sup-resume");
        var gate = Sys.ActorOf(RiskGateSupervisor.Props(settings));
        var approvals = new List<Reservation> { Approved(gate, Buy("e1", "T1")) };
        Assert.Null(State(gate).Outage);

        await Journal.OnWrite.Fail();
        // e2's write fails under the gate: it stops, and e2 is told so at once instead of timing out.
        var refused = RefusedAtOnce(gate, Buy("e2", "T2"));
        Assert.StartsWith("risk gate unavailable: journal write failed at 15:00:00 (", refused.Reason);
        var down = State(gate);
        Assert.NotNull(down.Outage);
        Assert.StartsWith("journal write failed at 15:00:00 (", down.Outage.Reason);
        Assert.Equal("e1", Assert.Single(down.Reservations).ExecutionId); // the last state seen, above

        // Every restart meets a failing write again, until the backoff is at its ceiling.
        var n = 0;
        var answers = new List<(object Answer, TimeSpan Took)>();
        AwaitAssert(() =>
        {
            answers.Add((Answer(gate, Buy($"x{++n}", "T3"), out var took), took));
            Assert.True(State(gate).Outage?.Restarts >= 6);
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        Assert.All(answers, a => Assert.IsType<RiskGateUnavailable>(a.Answer));
        // A reserve relayed to an incarnation that is still starting is answered when that incarnation fails, so on a
        // loaded machine one may take longer (seen: 2.0 s once in 58); none may wait out the order's own risk timeout,
        // and nearly all are answered at once.
        Assert.All(answers, a => Assert.True(a.Took < RiskAnswerTimeout, $"refused after {a.Took}"));
        Assert.True(answers.Count(a => a.Took < AtOnce) >= answers.Count * 9 / 10,
            $"refused at once: {answers.Count(a => a.Took < AtOnce)} of {answers.Count}");

        await Journal.OnWrite.Pass();
        approvals.Add(ApprovedWithin(gate, Buy("e3", "T4"), ResumeWithin));
        Assert.Null(State(gate).Outage);

        // Every approval ever given is a reservation in the journal, and nothing refused is.
        Stop(gate);
        Assert.Equal(approvals.OrderBy(r => r.ExecutionId, StringComparer.Ordinal), Journaled(settings).Reservations);
    }

    [Fact]
    public async Task Reports_sent_while_the_gate_is_down_are_applied_once_it_is_back()
    {
        var settings = Settings("sup-reports");
        var gate = Sys.ActorOf(RiskGateSupervisor.Props(settings));
        Approved(gate, Buy("e1", "T1", 10));

        await Journal.OnWrite.Fail();
        // The fill whose write fails goes down with the gate; it is delivered again, not lost.
        gate.Tell(new ReportFill(Fill("tr-1", 4)));
        AwaitAssert(() => Assert.NotNull(State(gate).Outage), Wait);
        gate.Tell(new ReportFill(Fill("tr-2", 3)));
        gate.Tell(new ReportOrderTerminal("e1"));
        var down = State(gate);
        Assert.NotNull(down.Outage);
        Assert.Empty(down.Positions);

        await Journal.OnWrite.Pass();
        var expectedCost = Money.FromCents(7 * 48 + 2 * 5);
        AwaitAssert(() =>
        {
            var back = State(gate);
            Assert.Null(back.Outage);
            var position = Assert.Single(back.Positions);
            Assert.Equal(Quantity.FromContracts(7), position.Contracts);
            Assert.Equal(expectedCost, position.CostBasis);
            Assert.Empty(back.Reservations);
        }, ResumeWithin, TimeSpan.FromMilliseconds(100));

        Stop(gate);
        var journaled = Journaled(settings);
        Assert.Equal(expectedCost, Assert.Single(journaled.Positions).CostBasis);
        Assert.Empty(journaled.Reservations);
        Assert.Equal(Money.FromDollars(1_000) - expectedCost, journaled.Balance);
    }

    [Fact]
    public async Task A_halt_while_the_gate_is_down_reaches_the_desks_at_once_and_is_journaled_when_it_is_back()
    {
        var settings = Settings("sup-halt");
        var gate = Sys.ActorOf(RiskGateSupervisor.Props(settings));
        var desk = CreateTestProbe();
        gate.Tell(SubscribeKillSwitch.Instance, desk);
        Assert.Equal(KillSwitchState.Trading, desk.ExpectMsg<KillSwitchChanged>(Wait).State);
        Approved(gate, Buy("e1", "T1"));

        await Journal.OnWrite.Fail();
        RefusedAtOnce(gate, Buy("e2", "T2"));
        var commander = CreateTestProbe();
        gate.Tell(new HaltTrading("operator"), commander);
        var answer = commander.ExpectMsg<KillSwitchChanged>(AtOnce);
        Assert.Equal(KillSwitchState.Halted, answer.State);
        Assert.Contains("journaled when the risk gate is back", answer.Reason);
        var told = desk.ExpectMsg<KillSwitchChanged>(AtOnce);
        Assert.Equal(KillSwitchState.Halted, told.State);
        Assert.Equal(["e1"], told.InFlightExecutionIds);
        var late = CreateTestProbe();
        gate.Tell(SubscribeKillSwitch.Instance, late);
        Assert.Equal(KillSwitchState.Halted, late.ExpectMsg<KillSwitchChanged>(AtOnce).State);
        Assert.Equal(KillSwitchState.Halted, State(gate).KillSwitch);

        await Journal.OnWrite.Pass();
        AwaitAssert(() =>
        {
            var back = State(gate);
            Assert.Null(back.Outage);
            Assert.Equal(KillSwitchState.Halted, back.KillSwitch);
        }, ResumeWithin, TimeSpan.FromMilliseconds(100));
        Assert.Equal(KillSwitchState.Halted, Journaled(settings).KillSwitch);

        // The subscribers outlived every restart: the next change reaches them, with nothing in between.
        gate.Tell(new ResumeTrading("all clear"), commander);
        Assert.Equal(KillSwitchState.Trading, commander.ExpectMsg<KillSwitchChanged>(Wait).State);
        foreach (var subscriber in new[] { desk, late })
        {
            var next = subscriber.ExpectMsg<KillSwitchChanged>(Wait);
            Assert.Equal((KillSwitchState.Trading, "all clear"), (next.State, next.Reason));
        }
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Reserves_in_flight_when_the_gate_dies_are_answered_at_once()
    {
        var gate = Sys.ActorOf(RiskGateSupervisor.Props(Settings("sup-in-flight")));
        Approved(gate, Buy("warm", "T0"));

        // The writes hang a little, then fail: all three reservations are on their way to the journal when it does.
        var hang = TimeSpan.FromMilliseconds(300);
        await Journal.OnWrite.FailWithDelay(hang);
        var clock = Stopwatch.StartNew();
        string[] ids = ["a", "b", "c"];
        var answers = await Task.WhenAll(ids.Select((id, i) => gate.Ask<object>(Buy(id, $"T{i + 1}"), TimeSpan.FromSeconds(3))));
        var took = clock.Elapsed;

        Assert.Equal(ids, answers.Select(a => Assert.IsType<RiskGateUnavailable>(a).ExecutionId));
        Assert.True(took < hang + AtOnce, $"answered after {took}");
    }

    [Fact]
    public async Task A_rejected_reservation_restarts_the_gate_from_its_journal_so_no_approval_lacks_its_event()
    {
        var settings = Settings("sup-reject");
        var gate = Sys.ActorOf(RiskGateSupervisor.Props(settings));
        var approvals = new List<Reservation> { Approved(gate, Buy("e1", "T1")) };

        await Journal.OnWrite.Reject();
        Assert.Contains("journal rejected a write", RefusedAtOnce(gate, Buy("r1", "T2")).Reason);

        // Had the gate kept its book, r1 asking again would be approved from memory with no event behind it.
        await Journal.OnWrite.Pass();
        approvals.Add(ApprovedWithin(gate, Buy("r1", "T2"), ResumeWithin));
        Stop(gate);
        Assert.Equal(approvals.OrderBy(r => r.ExecutionId, StringComparer.Ordinal), Journaled(settings).Reservations);
    }
}
