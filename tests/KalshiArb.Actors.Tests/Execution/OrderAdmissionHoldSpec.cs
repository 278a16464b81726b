namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// A replay's admission holds the signals the markets send and places them only when asked, one at a time, by ticker and
/// then in the order each market sent them: the same order in every replay, whichever market's actor ran first.
/// </summary>
public sealed class OrderAdmissionHoldSpec : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Held_signals_are_placed_one_per_release_by_ticker_then_in_the_order_each_market_sent_them()
    {
        var region = CreateTestProbe();
        var admission = Sys.ActorOf(OrderAdmission.Props(region.Ref, CreateTestProbe().Ref, new OrderAdmissionSettings { HoldSignals = true }));
        var b1 = Signal("s-b1", "KX-B");
        var a1 = Signal("s-a1", "KX-A");
        var b2 = Signal("s-b2", "KX-B");
        foreach (var s in new[] { b1, a1, b2 }) admission.Tell(s, ActorRefs.NoSender);

        // admitted, but nothing placed until the replay asks
        AwaitAssert(() => Assert.Equal(3, Status(admission).Admitted), Wait);
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        foreach (var (expected, left) in new[] { (a1, 2), (b1, 1), (b2, 0) })
        {
            admission.Tell(ReleaseHeldSignal.Instance, TestActor);
            var released = ExpectMsg<HeldSignalReleased>(Wait);
            Assert.Equal(ExecutionIds.FromSignal(expected.SignalId), released.ExecutionId);
            Assert.Equal(left, released.StillHeld);
            var placed = region.ExpectMsg<PlaceOrder>(Wait);
            Assert.Equal(expected, placed.Signal);
            Assert.Equal(released.ExecutionId, placed.ExecutionId);
        }

        admission.Tell(ReleaseHeldSignal.Instance, TestActor);
        Assert.Equal(new HeldSignalReleased(null, 0), ExpectMsg<HeldSignalReleased>(Wait));
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Without_holding_a_signal_is_placed_at_once_and_a_release_finds_nothing()
    {
        var region = CreateTestProbe();
        var admission = Sys.ActorOf(OrderAdmission.Props(region.Ref, CreateTestProbe().Ref, new OrderAdmissionSettings()));
        var signal = Signal("s-live", "KX-A");
        admission.Tell(signal, ActorRefs.NoSender);
        Assert.Equal(signal, region.ExpectMsg<PlaceOrder>(Wait).Signal);

        admission.Tell(ReleaseHeldSignal.Instance, TestActor);
        Assert.Equal(new HeldSignalReleased(null, 0), ExpectMsg<HeldSignalReleased>(Wait));
    }

    private AdmissionStatus Status(IActorRef admission)
    {
        var probe = CreateTestProbe();
        admission.Tell(GetAdmissionStatus.Instance, probe);
        return probe.ExpectMsg<AdmissionStatus>(Wait);
    }

    private static TradeSignal Signal(string signalId, string ticker) =>
        new(signalId, ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(10), 0.6, 0.05, 0.9, "test",
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
}
