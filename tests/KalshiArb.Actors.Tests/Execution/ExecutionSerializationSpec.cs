using System.Text;

namespace KalshiArb.Actors.Tests.Execution;

public sealed class ExecutionSerializationSpec : TestKit
{
    public ExecutionSerializationSpec() : base(SerializationConfig.Create(), "execution-serialization-spec")
    {
    }

    private static readonly Reservation SampleReservation = new("e1", "T1", OutcomeSide.No, new Price(4_250), Quantity.FromContracts(3),
        new Money(13_123), IsReducing: false, new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero))
    {
        FilledCount = new Quantity(150),
        Released = new Money(7),
    };

    private static readonly OrderFill SampleFill = new("t-1", new Quantity(250), new Price(4_900), new Money(101), IsTaker: true);

    private static readonly ExecutionOrderSnapshot SampleSnapshot = new("sig", "e1", "T1", OutcomeSide.No, new Price(4_900), Quantity.FromContracts(10),
        ExecutionOrderState.PartiallyFilled, "x-1", new Quantity(250), [SampleFill], new Money(101), 1_225_000, null, null, null, null, null, null, null);

    public static TheoryData<object> Samples() =>
    [
        new OrderCreatedEvent("e1", "sig", "T1", OutcomeSide.Yes, new Price(5_100), Quantity.FromContracts(10), 1),
        new OrderRiskApprovedEvent(new Money(52_345), 2),
        new OrderRiskDeniedEvent(RiskDenialReason.MaxOpenMarkets, 3),
        new OrderSubmitRequestedEvent(4),
        new OrderAcknowledgedEvent("x-1", 5),
        new OrderFillAppliedEvent("t-1", new Quantity(250), new Price(4_900), new Money(101), true, 6),
        new OrderCancelRequestedEvent("timeout", 7),
        new OrderCanceledEvent(new Quantity(250), 8),
        new OrderCanceledEvent(null, 8),
        new OrderRejectedEvent(OrderRejectReason.RiskUnavailable, "no answer", 9),
        new OrderExpiredEvent(Quantity.Zero, 10),
        new OrderSettledEvent(null, new Money(12_000), 11),
        new OrderNeedsAttentionEvent("lost", 12),
        SampleSnapshot,
        new OrderIndexed("e1"),
        new OrderUnindexed("e1"),
        new OrderIndexSnapshot(["e1", "e2"]),
        new ReservationRecorded(SampleReservation, new DateOnly(2026, 11, 23)),
        new RiskFillRecorded(new RiskFill("e1", "t-1", "T1", OutcomeSide.No, new Quantity(150), new Price(4_200), new Money(33)), new DateOnly(2026, 11, 23)),
        new ReservationReleased("e1"),
        new SettlementRecorded("T1", Price.One, new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 23)),
        new KillSwitchRecorded(KillSwitchState.ReduceOnly, "drawdown", new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)),
        new VenueStateRecorded(new Money(1_000_000), [new VenuePositionSeed("T1", new Quantity(-300), new Money(12_000))], [SampleReservation],
            new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)),
        new RiskGateSnapshot(KillSwitchState.Halted, new Money(5), [new MarketPosition("T1", new Quantity(100), new Money(5_000))],
            [SampleReservation], ["e1"], ["t-1"], [new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)], new DateOnly(2026, 11, 23),
            new Money(-300), 2, null, new Money(13_123), new Money(7)),
        new Reserve("e1", "T1", OutcomeSide.Yes, new Price(5_000), Quantity.FromContracts(1)),
        new WakeOrder("e1"),
        new OpenOrderWatchStatus(3, 2, 10, 1, "database is locked"),
        new ReservationApproved(SampleReservation),
        new ReservationApproved(SampleReservation, 8_070_450_532_247_928_831),
        new ReserveAhead("e1", "T1", OutcomeSide.No, new Price(4_200), Quantity.FromContracts(3), 8_070_450_532_247_928_831),
        new ReservationHeld(SampleReservation, 8_070_450_532_247_928_831),
        new ReservationDenied("e1", RiskDenialReason.Halted),
        new ReservationDenied("e1", RiskDenialReason.Halted, 17),
        new RiskGateUnavailable("e1", "risk gate unavailable: journal write failed", 17),
        new KillSwitchChanged(KillSwitchState.Halted, "operator", ["e1"]),
        new OrderStatusNotice("e1", "T1", ExecutionOrderState.NeedsAttention, "x-1", "lost"),
        new MarketSettled("T1", new Price(3_700), 1_781_159_387_354),
        new FeedReconnected(1_781_159_387_354),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_persisted_type_round_trips_through_our_serializer(object sample)
    {
        var serializer = Assert.IsType<KalshiArbSerializer>(Sys.Serialization.FindSerializerFor(sample));
        var manifest = serializer.Manifest(sample);
        Assert.Matches(@"^[a-z\-]+\.v\d+$", manifest);
        var bytes = serializer.ToBinary(sample);
        var back = serializer.FromBinary(bytes, manifest);
        Assert.IsType(sample.GetType(), back);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), System.Text.Encoding.UTF8.GetString(serializer.ToBinary(back)));
        Assert.DoesNotContain("\"tags\"", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_reserve_ahead_or_answer_written_without_an_ask_token_reads_as_token_0_and_a_field_a_reader_does_not_know_is_skipped()
    {
        var serializer = new KalshiArbSerializer((ExtendedActorSystem)Sys);
        // as written before the token was added (the v1 shape without it)
        object[] tokened =
        [
            new ReserveAhead("e1", "T1", OutcomeSide.No, new Price(4_200), Quantity.FromContracts(3), 9),
            new ReservationHeld(SampleReservation, 9),
            new ReservationApproved(SampleReservation, 9),
            new ReservationDenied("e1", RiskDenialReason.Halted, 9),
            new RiskGateUnavailable("e1", "down", 9),
        ];
        foreach (var message in tokened)
        {
            var json = Encoding.UTF8.GetString(serializer.ToBinary(message));
            Assert.Contains(",\"attempt\":9", json);
            var old = serializer.FromBinary(Encoding.UTF8.GetBytes(json.Replace(",\"attempt\":9", "")), serializer.Manifest(message));
            Assert.Equal(0L, old.GetType().GetProperty("Attempt")!.GetValue(old));
            // and what an older reader does with the token: skips a field it does not know
            var newer = serializer.FromBinary(Encoding.UTF8.GetBytes(json.Replace(",\"attempt\":9", ",\"attempt\":9,\"something_new\":1")),
                serializer.Manifest(message));
            Assert.Equal(message, newer);
        }
    }

    [Fact]
    public void A_restored_snapshot_is_the_same_order()
    {
        var serializer = new KalshiArbSerializer((ExtendedActorSystem)Sys);
        var snapshot = SampleSnapshot;
        var back = (ExecutionOrderSnapshot)serializer.FromBinary(serializer.ToBinary(snapshot), "order-snapshot.v1");
        Assert.Equal(snapshot.ToOrder(), back.ToOrder());
        Assert.Equal(SampleFill, back.ToOrder().Fills[0]);
    }

    [Fact]
    public void Every_journal_event_type_is_catalogued()
    {
        var eventTypes = typeof(OrderJournalEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(OrderJournalEvent).IsAssignableFrom(t) || typeof(RiskJournalEvent).IsAssignableFrom(t)));
        foreach (var t in eventTypes)
            Assert.True(MessageCatalog.Registry.TryGetManifest(t, out _), $"{t.Name} has no manifest");
    }
}
