using Akka.TestKit;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// The desk cancels on a change INTO Halted, once. A probe stands in for the order region so every cancel the
/// desk sends is counted (an order would swallow a repeated cancel itself and hide a repeat).
/// </summary>
public sealed class OrderDeskKillSwitchSpec : ExecutionSpec
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600);

    public OrderDeskKillSwitchSpec() : base(new TestDatabase(), "order-desk-kill-switch-spec")
    {
    }

    private static string Id(string signalId) => ExecutionIds.FromSignal(signalId);

    private static KillSwitchChanged Changed(KillSwitchState state, params string[] inFlight) => new(state, "test", inFlight);

    private (IActorRef Desk, TestProbe Gate, TestProbe Region) ProbedDesk(TimeSpan? resubscribe = null)
    {
        var gate = CreateTestProbe();
        var region = CreateTestProbe();
        var settings = new OrderDeskSettings { SubscribeToVenue = false, GateResubscribeInterval = resubscribe ?? TimeSpan.FromHours(1) };
        var desk = Sys.ActorOf(OrderDesk.Props(gate.Ref, new FakeVenue(), region.Ref, settings));
        gate.ExpectMsg<SubscribeKillSwitch>(Wait);
        return (desk, gate, region);
    }

    private static void Working(IActorRef desk, params string[] ids)
    {
        foreach (var id in ids) desk.Tell(new OrderStatusNotice(id, "T-" + id, S.Resting, "x-" + id, null));
    }

    /// <summary>The cancels the desk sent to the region, by execution id, until it falls quiet.</summary>
    private static List<string> Cancels(TestProbe region, int expected)
    {
        var ids = new List<string>();
        for (var i = 0; i < expected; i++)
        {
            var cancel = region.ExpectMsg<CancelOrder>(Wait);
            Assert.StartsWith("halt", cancel.Reason, StringComparison.Ordinal);
            ids.Add(cancel.ExecutionId);
        }
        region.ExpectNoMsg(Quiet);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static List<string> Sorted(params string[] ids) => ids.Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Halted_twice_cancels_each_order_once()
    {
        var (desk, _, region) = ProbedDesk();
        var a = Id("sig-k1");
        var b = Id("sig-k2");
        var inFlight = Id("sig-k3");
        Working(desk, a, b);

        desk.Tell(Changed(KillSwitchState.Halted, inFlight));
        Assert.Equal(Sorted(a, b, inFlight), Cancels(region, 3));

        desk.Tell(Changed(KillSwitchState.Halted, inFlight));
        region.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Trading_then_halted_again_cancels_again()
    {
        var (desk, _, region) = ProbedDesk();
        var a = Id("sig-t1");
        Working(desk, a);
        desk.Tell(Changed(KillSwitchState.Halted));
        Assert.Equal(Sorted(a), Cancels(region, 1));

        desk.Tell(Changed(KillSwitchState.Trading));
        region.ExpectNoMsg(Quiet);
        var b = Id("sig-t2");
        Working(desk, b);
        desk.Tell(Changed(KillSwitchState.Halted));

        // The first order's notice never said it ended, so it is still the desk's to cancel.
        Assert.Equal(Sorted(a, b), Cancels(region, 2));
    }

    [Fact]
    public void Reduce_only_cancels_nothing()
    {
        var (desk, _, region) = ProbedDesk();
        Working(desk, Id("sig-r1"));

        desk.Tell(Changed(KillSwitchState.ReduceOnly));
        region.ExpectNoMsg(Quiet);
        desk.Tell(Changed(KillSwitchState.Halted));
        Assert.Single(Cancels(region, 1));
    }

    [Fact]
    public void Resubscribing_to_a_halted_gate_does_not_cancel_again()
    {
        var (desk, gate, region) = ProbedDesk(resubscribe: TimeSpan.FromMilliseconds(100));
        var a = Id("sig-s1");
        Working(desk, a);

        // A gate answers every subscription with its current state.
        gate.LastSender.Tell(Changed(KillSwitchState.Halted), gate.Ref);
        Assert.Equal(Sorted(a), Cancels(region, 1));
        for (var i = 0; i < 3; i++)
        {
            gate.ExpectMsg<SubscribeKillSwitch>(Wait);
            gate.LastSender.Tell(Changed(KillSwitchState.Halted), gate.Ref);
        }
        region.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void A_halt_from_the_real_gate_cancels_at_the_venue_and_resubscribing_stays_harmless()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-kill-real");
        var (region, _, admission) = Desk(gate, venue, deskSettings: new OrderDeskSettings { GateResubscribeInterval = TimeSpan.FromMilliseconds(100) });
        var a = Send(admission, Signal("sig-v1", ticker: "T1"));
        AwaitOrder(region, a, S.Resting);

        gate.Tell(new HaltTrading("operator"));
        ExpectMsg<KillSwitchChanged>(Wait);
        AwaitOrder(region, a, S.Canceled);

        // Several resubscriptions to the halted gate later, still one cancel at the venue.
        ExpectNoMsg(Quiet);
        Assert.Equal(1, venue.CancelCount);
    }
}
