using Akka.Hosting;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>What the execution side runs on: the venue (built by an earlier step of the manifest) and each part's settings.</summary>
public sealed record OrdersOptions
{
    /// <summary>Read when the region starts, after the venue step.</summary>
    public required Func<IVenue> Venue { get; init; }

    public required OrderActorSettings Orders { get; init; }
    public int Shards { get; init; } = 100;
    public OpenOrderWatchSettings OpenOrders { get; init; } = new();
    public OrderDeskSettings? Desk { get; init; }
}

public static class OrdersHosting
{
    /// <summary>The node's order desk, /user/orders (cross-member status asks reach it there).</summary>
    public const string DeskName = "orders";

    public const string OpenOrderWatchName = "open-order-watch";

    /// <summary>The node's order admission, /user/order-admission.</summary>
    public const string AdmissionName = "order-admission";

    /// <summary>
    /// The execution side. On a member with the execution role: the "order" region (<see cref="OrderRegion"/>), this member's
    /// <see cref="OrderDesk"/> and the <see cref="OpenOrderWatch"/> singleton (proxy under its type). Elsewhere only the
    /// region's proxy. Needs the risk gate registered first. OrderActors are not remembered by sharding (that cost every
    /// order a write before its first event and another when it stopped): the journal lists unfinished orders in its
    /// open-order table in the same transaction as their events, and the OpenOrderWatch starts them again after a node
    /// leaves or dies, and after a restart. Entities tell the desk through the registry: the desk needs the region, so it
    /// starts after it.
    /// </summary>
    public static AkkaConfigurationBuilder WithOrders(this AkkaConfigurationBuilder akka, OrdersOptions options, IReadOnlyCollection<string> memberRoles)
    {
        akka.WithRoleShardRegion<OrderRegion>(OrderRegion.TypeName, (system, registry) =>
        {
            var gate = registry.Get<RiskGateSupervisor>();
            var venue = options.Venue();
            var desk = new RegisteredActor<OrderDesk>(system);
            return id => OrderActor.Props(id, gate, venue, options.Orders, desk);
        }, new OrderMessageExtractor(options.Shards), ClusterRoles.Execution, memberRoles);
        if (!memberRoles.Contains(ClusterRoles.Execution)) return akka;
        return akka
            .WithActors((system, registry) => registry.Register<OrderDesk>(system.ActorOf(
                OrderDesk.Props(registry.Get<RiskGateSupervisor>(), options.Venue(), registry.Get<OrderRegion>(), options.Desk), DeskName)))
            .WithRoleSingleton<OpenOrderWatch>(OpenOrderWatchName, (system, registry) => OpenOrderWatch.Props(registry.Get<OrderRegion>(),
                    registry.Get<RiskGateSupervisor>(), OpenOrderList.For(system.Settings.Config.GetConfig("akka.persistence.journal.sql")), options.OpenOrders),
                ClusterRoles.Execution, memberRoles);
    }

    /// <summary>
    /// Where this member's signals become orders (market role): <see cref="OrderAdmission"/> under its type. Passive until a
    /// signal arrives, so the manifest registers it right before the market side, which produces them.
    /// </summary>
    public static AkkaConfigurationBuilder WithOrderAdmission(this AkkaConfigurationBuilder akka, OrderAdmissionSettings settings,
        IReadOnlyCollection<string> memberRoles) =>
        !memberRoles.Contains(ClusterRoles.Market)
            ? akka
            : akka.WithActors((system, registry) => registry.Register<OrderAdmission>(system.ActorOf(
                OrderAdmission.Props(registry.Get<OrderRegion>(), registry.Get<RiskGateSupervisor>(), settings), AdmissionName)));
}
