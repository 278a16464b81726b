using Akka.Actor;
using Akka.Configuration;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// One execution node wired as the host wires it, in an ActorSystem of its own: a one-member cluster over a SQLite
/// journal file with the RiskGate singleton, the "order" shard region (production extractor, open-order watch),
/// the order desk and the order admission. Several may run one after another over the same file: a restart, or a
/// crash (<see cref="CrashAsync"/>: no drain, no hand-off).
/// </summary>
public sealed class ExecutionNode : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private bool _crashed;

    private ExecutionNode(ActorSystem system, IActorRef gate, IActorRef region, IActorRef desk, IActorRef admission, IActorRef openOrders)
    {
        OpenOrders = openOrders;
        System = system;
        Gate = gate;
        Region = region;
        Desk = desk;
        Admission = admission;
    }

    public ActorSystem System { get; }

    /// <summary>The RiskGate singleton's proxy.</summary>
    public IActorRef Gate { get; }

    public IActorRef Region { get; }
    public IActorRef Desk { get; }
    public IActorRef Admission { get; }

    /// <summary>The OpenOrderWatch singleton's proxy.</summary>
    public IActorRef OpenOrders { get; }

    public static async Task<ExecutionNode> StartAsync(TestDatabase db, IVenue venue, OrderActorSettings orders, RiskGateSettings gate,
        string extraHocon = "")
    {
        var config = ConfigurationFactory.ParseString(extraHocon)
            .WithFallback(OneMemberCluster.Config(ClusterRoles.Execution, ClusterRoles.Risk))
            .WithFallback(db.AkkaConfig());
        var system = ActorSystem.Create("execution-node", config);
        try
        {
            await OneMemberCluster.JoinAsync(system, Wait);

            var gateProxy = ClusterSingleton.Start(system, "risk-gate", RiskGateSupervisor.Props(gate), ClusterRoles.Risk);
            var deskPath = system.ActorSelection("/user/orders");
            var region = await ShardRegions.StartOrdersAsync(system, id => OrderActor.Props(id, gateProxy, venue, orders, deskPath), 10);
            var desk = system.ActorOf(OrderDesk.Props(gateProxy, venue, region), "orders");
            var openOrders = OpenOrderWatch.StartSingleton(system, region, gateProxy,
                new OpenOrderWatchSettings { SweepInterval = TimeSpan.FromMilliseconds(500), ReservationSweepInterval = TimeSpan.FromMilliseconds(500) });
            var admission = system.ActorOf(OrderAdmission.Props(region, gateProxy,
                new OrderAdmissionSettings { MaxSignalAge = orders.Policy.MaxSignalAge, GateResubscribeInterval = TimeSpan.FromMilliseconds(200) }),
                "order-admission");
            return new ExecutionNode(system, gateProxy, region, desk, admission, openOrders);
        }
        catch
        {
            await system.Terminate();
            throw;
        }
    }

    public Task<OrderStateView> OrderAsync(string executionId) => Region.Ask<OrderStateView>(new GetOrderState(executionId), Wait);

    public Task<OpenOrderWatchStatus> OpenOrdersAsync() => OpenOrders.Ask<OpenOrderWatchStatus>(GetOpenOrderWatchStatus.Instance, Wait);

    public Task<RiskStateView> GateAsync() => Gate.Ask<RiskStateView>(GetRiskState.Instance, Wait);

    public Task<ExecutionStatus> DeskAsync() => Desk.Ask<ExecutionStatus>(GetExecutionStatus.Instance, Wait);

    public Task<AdmissionStatus> AdmissionAsync() => Admission.Ask<AdmissionStatus>(GetAdmissionStatus.Instance, Wait);

    /// <summary>The process dies: actors stop where they are, nothing drains, nothing hands off.</summary>
    public async Task CrashAsync()
    {
        _crashed = true;
        await System.Terminate();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_crashed) await CrashAsync();
    }
}
