using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Hosting;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// One execution node built through the node's hosting extensions, in an ActorSystem (and host) of its own: a one-member cluster over a SQLite
/// journal file with the RiskGate singleton, the "order" shard region (production extractor, open-order watch),
/// the order desk and the order admission. Several may run one after another over the same file: a restart, or a
/// crash (<see cref="CrashAsync"/>: no drain, no hand-off).
/// </summary>
public sealed class ExecutionNode : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly ActorHost _host;
    private bool _crashed;

    private ExecutionNode(ActorHost host)
    {
        _host = host;
        var registry = host.Registry;
        Gate = registry.Get<RiskGateSupervisor>();
        Region = registry.Get<OrderRegion>();
        Desk = registry.Get<OrderDesk>();
        Admission = registry.Get<OrderAdmission>();
        OpenOrders = registry.Get<OpenOrderWatch>();
    }

    public ActorSystem System => _host.System;

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
        // the market role too: it carries the order admission (no market region is started here)
        string[] roles = [ClusterRoles.Execution, ClusterRoles.Risk, ClusterRoles.Market];
        var config = ConfigurationFactory.ParseString(extraHocon)
            .WithFallback(OneMemberCluster.Config(roles))
            .WithFallback(db.AkkaConfig());
        var host = await ActorHost.StartAsync("execution-node", config, akka => akka
            .WithClusterJoin(OneMemberCluster.Member(roles), Wait, _ => { }, _ => { })
            .WithRiskGate(gate, roles)
            .WithOrders(new OrdersOptions
            {
                Venue = () => venue,
                Orders = orders,
                Shards = 10,
                OpenOrders = new OpenOrderWatchSettings { SweepInterval = TimeSpan.FromMilliseconds(500), ReservationSweepInterval = TimeSpan.FromMilliseconds(500) },
            }, roles)
            .WithOrderAdmission(new OrderAdmissionSettings { MaxSignalAge = orders.Policy.MaxSignalAge, GateResubscribeInterval = TimeSpan.FromMilliseconds(200) },
                roles));
        return new ExecutionNode(host);
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
        _host.Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_crashed) await CrashAsync();
    }
}
