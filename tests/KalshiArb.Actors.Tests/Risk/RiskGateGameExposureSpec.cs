using System.Text;

namespace KalshiArb.Actors.Tests.Risk;

/// <summary>The per-game exposure cap through the persistent gate: counted, journaled state, limits from configuration.</summary>
public sealed class RiskGateGameExposureSpec : JournalTestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const string Lal = "KXNBAGAME-26NOV24LALBOS-LAL";
    private const string Bos = "KXNBAGAME-26NOV24LALBOS-BOS";
    private const string Nyk = "KXNBAGAME-26NOV24NYKMIA-NYK";

    private readonly ManualClock _clock = new();

    public RiskGateGameExposureSpec() : this(new TestDatabase())
    {
    }

    private RiskGateGameExposureSpec(TestDatabase db) : base(db, "risk-gate-game-spec")
    {
    }

    private static Reserve Buy(string id, string ticker, OutcomeSide side, int contracts = 10) =>
        new(id, ticker, side, Price.FromCents(50), Quantity.FromContracts(contracts));

    // 10 @ 0.50: 5.00 + taker fee 0.18 + 0.01 margin = 5.19 a reservation; the cap holds one and a bit.
    private static readonly Money GameCap = Money.Parse("6.0000");

    private RiskGateSettings Settings(Money? gameCap, int snapshotEvery = 200) =>
        RiskTestData.Settings(_clock, RiskTestData.Limits() with { MaxExposurePerGame = gameCap },
            persistenceId: "gate-game", snapshotEvery: snapshotEvery);

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
    public void The_other_team_is_denied_counted_and_still_denied_after_recovery_while_the_limit_follows_configuration()
    {
        var capped = Settings(GameCap, snapshotEvery: 1);
        var gate = Gate(capped);
        gate.Tell(Buy("lal", Lal, OutcomeSide.Yes));
        ExpectMsg<ReservationApproved>(Wait);
        gate.Tell(Buy("bos", Bos, OutcomeSide.No));
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, ExpectMsg<ReservationDenied>(Wait).Reason);
        gate.Tell(Buy("nyk", Nyk, OutcomeSide.Yes));
        ExpectMsg<ReservationApproved>(Wait);

        var view = State(gate);
        Assert.Equal(1, view.DenialCounts[nameof(RiskDenialReason.MaxExposurePerGame)]);
        Assert.Equal("MaxExposurePerGame", Assert.Single(view.DenialCounts).Key);
        Assert.Equal(2, view.SequenceNr); // the denial changed nothing and was not journaled

        // recovered from the snapshot: the LAL reservation is back and the configured cap still applies to it
        Restart(ref gate, capped);
        gate.Tell(Buy("bos-2", Bos, OutcomeSide.No));
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, ExpectMsg<ReservationDenied>(Wait).Reason);

        // the cap is configuration, not journaled state: raised, the same order passes over the same book
        Restart(ref gate, Settings(Money.FromDollars(11)));
        gate.Tell(Buy("bos-3", Bos, OutcomeSide.No));
        ExpectMsg<ReservationApproved>(Wait);
        Assert.Equal(3, State(gate).Reservations.Count);
    }

    [Fact]
    public void A_filled_position_on_one_team_counts_against_the_other_team()
    {
        var gate = Gate(Settings(GameCap) with { PersistenceId = "gate-game-fill" });
        gate.Tell(Buy("lal", Lal, OutcomeSide.Yes));
        ExpectMsg<ReservationApproved>(Wait);
        gate.Tell(new ReportFill(new RiskFill("lal", "tr-1", Lal, OutcomeSide.Yes, Quantity.FromContracts(10), Price.FromCents(50), Money.FromCents(18))));
        gate.Tell(new ReportOrderTerminal("lal"));
        AwaitAssert(() => Assert.Empty(State(gate).Reservations), Wait);

        // $5.18 held in LAL: $0.82 of room left in the game. 1 NO @ 0.50 = 0.50 + 0.02 + 0.01 fits, 2 do not.
        gate.Tell(Buy("bos-2", Bos, OutcomeSide.No, contracts: 2));
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, ExpectMsg<ReservationDenied>(Wait).Reason);
        gate.Tell(Buy("bos-1", Bos, OutcomeSide.No, contracts: 1));
        ExpectMsg<ReservationApproved>(Wait);
    }

    [Fact]
    public void The_new_reason_travels_through_our_serializer_by_name()
    {
        var denied = new ReservationDenied("e1", RiskDenialReason.MaxExposurePerGame);
        var serializer = Assert.IsType<KalshiArbSerializer>(Sys.Serialization.FindSerializerFor(denied));
        var bytes = serializer.ToBinary(denied);
        Assert.Contains("\"max_exposure_per_game\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(denied, serializer.FromBinary(bytes, serializer.Manifest(denied)));
    }
}
