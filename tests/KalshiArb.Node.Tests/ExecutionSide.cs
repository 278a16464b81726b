using Akka.Configuration;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Hosting;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;

namespace KalshiArb.Node.Tests;

/// <summary>
/// The execution side of a node built through the node's hosting extensions, in a host of its own over
/// <paramref name="config"/> (the node's composed configuration): joins itself as a one-member cluster, then the
/// RiskGate singleton, the "order" shard region, the order desk, the open-order watch and the order admission.
/// </summary>
public sealed class ExecutionSide(ActorHost host) : IAsyncDisposable
{
    public ActorSystem System => host.System;
    public IActorRef Gate { get; } = host.Registry.Get<RiskGateSupervisor>();
    public IActorRef Region { get; } = host.Registry.Get<OrderRegion>();
    public IActorRef Desk { get; } = host.Registry.Get<OrderDesk>();
    public IActorRef Admission { get; } = host.Registry.Get<OrderAdmission>();

    public static async Task<ExecutionSide> StartAsync(Config config, IVenue venue, RiskGateSettings gate, OrderActorSettings orders)
    {
        var roles = ClusterRoles.All;
        var host = await ActorHost.StartAsync("execution-side", config, akka => akka
            .WithClusterJoin(new ClusterMembership("127.0.0.1", 0, roles, []), TimeSpan.FromSeconds(30), _ => { }, _ => { })
            .WithRiskGate(gate, roles)
            .WithOrders(new OrdersOptions
            {
                Venue = () => venue,
                Orders = orders,
                Shards = 10,
                OpenOrders = new OpenOrderWatchSettings { SweepInterval = TimeSpan.FromMilliseconds(500) },
            }, roles)
            .WithOrderAdmission(new OrderAdmissionSettings { MaxSignalAge = orders.Policy.MaxSignalAge }, roles));
        return new ExecutionSide(host);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
