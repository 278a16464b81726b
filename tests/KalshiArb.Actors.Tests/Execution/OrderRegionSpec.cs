using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit2;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Tests.Risk;
using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// Region mode end to end in one single-node cluster: orders are entities of the "order" shard region and the
/// desk (OrderSupervisor.ForRegion) routes the venue's reports to them.
/// </summary>
public sealed class OrderRegionSpec : JournalTestKit
{
    private const string DeskName = "orders";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    // Same sharding stores as hocon/cluster.conf: coordinator in ddata, remembered entities in the journal.
    private const string ClusterHocon = """
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster {
          roles = [execution]
          min-nr-of-members = 1
          sharding {
            state-store-mode = ddata
            remember-entities-store = eventsourced
          }
        }
        """;

    public OrderRegionSpec() : this(new TestDatabase())
    {
    }

    private OrderRegionSpec(TestDatabase db) : base(db, "order-region-spec", db.AkkaConfig(ClusterHocon).WithFallback(ClusterDefaults.Create()))
    {
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        AwaitCondition(() => cluster.State.Members.Any(m => m.Address == cluster.SelfAddress && m.Status == Akka.Cluster.MemberStatus.Up), Wait);
    }

    private static OrderActorSettings RegionOrderSettings => new()
    {
        RiskTimeout = TimeSpan.FromSeconds(5),
        VenueCallTimeout = TimeSpan.FromSeconds(5),
        CancelAfter = TimeSpan.FromMinutes(5),
        PollInterval = TimeSpan.FromMilliseconds(50),
        ReconcileRetryInterval = TimeSpan.FromMilliseconds(50),
        MaxReconcileAttempts = 3,
        PassivateThroughShard = true,
    };

    private static TradeSignal Signal(string signalId, string ticker) =>
        new(signalId, ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(10), 0.6, 0.05, 0.9, "test", 1_700_000_000_000);

    private async Task<(IActorRef Region, IActorRef Desk)> StartAsync(IActorRef gate, FakeVenue venue)
    {
        var settings = RegionOrderSettings;
        var desk = Sys.ActorSelection($"/user/{DeskName}");
        var region = await ShardRegions.StartOrdersAsync(Sys, id => OrderActor.Props(id, gate, venue, settings, desk), 10);
        var deskRef = Sys.ActorOf(OrderSupervisor.ForRegion(gate, venue, new OrderSupervisorSettings { Order = settings }, region), DeskName);
        return (region, deskRef);
    }

    private OrderStateView AwaitOrder(IActorRef region, string executionId, Func<OrderStateView, bool> done)
    {
        OrderStateView? last = null;
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe();
            region.Tell(new GetOrderState(executionId), probe);
            last = probe.ExpectMsg<OrderStateView>(Wait);
            Assert.True(done(last), $"order {executionId} is {last.State}, filled {last.FilledCount}");
        }, Wait, TimeSpan.FromMilliseconds(100));
        return last!;
    }

    [Fact]
    public async Task A_signal_sent_to_the_region_reaches_the_venue_and_a_fill_routed_by_the_desk_reaches_the_entity()
    {
        var venue = new FakeVenue();
        var gate = Sys.ActorOf(RiskGateActor.Props(RiskTestData.Settings(new ManualClock(), persistenceId: "gate-region")));
        var (region, desk) = await StartAsync(gate, venue);
        var id = ExecutionIds.FromSignal("sig-region-1");

        region.Tell(Signal("sig-region-1", "T1"));
        var placed = ExpectMsg<OrderPlaced>(Wait);
        Assert.Equal(id, placed.ExecutionId);
        Assert.True(placed.IsNew);

        AwaitOrder(region, id, o => o.State == S.Resting);
        Assert.Equal(1, venue.SubmitCount);
        Assert.Equal(VenueOrderStatus.Resting, venue.Order(id)!.Status);

        // The same signal again lands on the same entity: no second order at the venue.
        region.Tell(Signal("sig-region-1", "T1"));
        Assert.False(ExpectMsg<OrderPlaced>(Wait).IsNew);
        Assert.Equal(1, venue.SubmitCount);

        // Told to the desk directly (not pushed by the venue), so only the desk's routing can deliver it.
        var fill = venue.Fill(id, 4, 50, "t-region-1", push: false);
        desk.Tell(fill);
        var partial = AwaitOrder(region, id, o => o.FilledCount == Quantity.FromContracts(4));
        Assert.Equal(S.PartiallyFilled, partial.State);
        Assert.Equal("t-region-1", Assert.Single(partial.Fills).TradeId);

        // The entity reports to the desk (its owner by actor selection): the desk's status lists it.
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe();
            desk.Tell(GetExecutionStatus.Instance, probe);
            var status = probe.ExpectMsg<ExecutionStatus>(Wait);
            Assert.Equal(S.PartiallyFilled, Assert.Single(status.Open).State);
        }, Wait, TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task The_desk_places_through_the_region_and_drains_it()
    {
        var venue = new FakeVenue();
        var gate = Sys.ActorOf(RiskGateActor.Props(RiskTestData.Settings(new ManualClock(), persistenceId: "gate-region-drain")));
        var (region, desk) = await StartAsync(gate, venue);

        desk.Tell(Signal("sig-region-2", "T2"));
        var id = ExpectMsg<OrderPlaced>(Wait).ExecutionId;
        AwaitOrder(region, id, o => o.State == S.Resting);
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe();
            desk.Tell(GetExecutionStatus.Instance, probe);
            Assert.Single(probe.ExpectMsg<ExecutionStatus>(Wait).Open);
        }, Wait, TimeSpan.FromMilliseconds(100));

        desk.Tell(new DrainOrders(CancelResting: true));
        Assert.Equal(0, ExpectMsg<OrdersDrained>(Wait).StillOpen);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(id)!.Status);

        desk.Tell(Signal("sig-region-3", "T3"));
        Assert.Equal("node shutting down", ExpectMsg<OrderNotPlaced>(Wait).Reason);
        Assert.Equal(1, venue.SubmitCount);
    }

}
