using Akka.Actor;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;

namespace KalshiArb.Node.Tests;

/// <summary>
/// The execution side of a node as the host wires it, in a test ActorSystem composed by AkkaConfigComposer (so a
/// cluster provider): joins itself as a one-member cluster, then the RiskGate singleton, the "order" shard region,
/// the order desk, the open-order watch and the order admission.
/// </summary>
public sealed record ExecutionSide(IActorRef Gate, IActorRef Region, IActorRef Desk, IActorRef Admission)
{
    public static async Task<ExecutionSide> StartAsync(ActorSystem system, IVenue venue, RiskGateSettings gate, OrderActorSettings orders)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var gateProxy = ClusterSingleton.Start(system, "risk-gate", RiskGateSupervisor.Props(gate), ClusterRoles.Risk);
        var deskPath = system.ActorSelection("/user/orders");
        var region = await ShardRegions.StartOrdersAsync(system, id => OrderActor.Props(id, gateProxy, venue, orders, deskPath), 10);
        var desk = system.ActorOf(OrderDesk.Props(gateProxy, venue, region), "orders");
        OpenOrderWatch.StartSingleton(system, region, gateProxy, new OpenOrderWatchSettings { SweepInterval = TimeSpan.FromMilliseconds(500) });
        var admission = system.ActorOf(OrderAdmission.Props(region, gateProxy,
            new OrderAdmissionSettings { MaxSignalAge = orders.Policy.MaxSignalAge }), "order-admission");
        return new ExecutionSide(gateProxy, region, desk, admission);
    }
}
