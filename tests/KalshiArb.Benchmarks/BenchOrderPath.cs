using Akka.Configuration;
using KalshiArb.Actors;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Hosting;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Serialization;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Benchmarks;

/// <summary>
/// The production order path in a one-member cluster with the market, execution and risk roles, as the node host
/// starts it (the same hosting extensions as its manifest): the RiskGateSupervisor singleton, the "order" shard region (open-order watch) of OrderActors, the
/// order desk at /user/orders and the OrderAdmission, on the shipped config stack (cluster → serialization →
/// persistence → base.conf) with an optional HOCON overlay on top for a diagnostic variant.
/// </summary>
public sealed class BenchOrderPath
{
    private BenchOrderPath(ActorSystem system, IActorRef gate, IActorRef region, IActorRef desk, IActorRef admission, int shards)
    {
        System = system;
        Gate = gate;
        Region = region;
        Desk = desk;
        Admission = admission;
        OrderShards = shards;
    }

    public ActorSystem System { get; }
    public IActorRef Gate { get; }
    public IActorRef Region { get; }
    public IActorRef Desk { get; }
    public IActorRef Admission { get; }
    public int OrderShards { get; }

    public static Config BuildConfig(BenchStore store, string overlay) =>
        ConfigurationFactory.ParseString(overlay)
            .WithFallback(ClusterConfig.OneMember(ClusterRoles.Market, ClusterRoles.Execution, ClusterRoles.Risk))
            .WithFallback(SerializationConfig.Create())
            .WithFallback(store.PersistenceConfig)
            .WithFallback(HoconFiles.Load("base.conf"));

    public static void PrintConfig(string overlay)
    {
        if (overlay.Length > 0) Console.WriteLine($"  DIAGNOSTIC VARIANT, config overlay: {overlay}");
        else Console.WriteLine("  config: the shipped one (cluster one-member + serialization + persistence + base.conf), no overlay");
    }

    /// <summary>Starts the system and the path; the order shard count comes from the config (kalshiarb.cluster.order-shards).</summary>
    public static async Task<BenchOrderPath> StartAsync(string name, Config config, IVenue venue, OrderActorSettings orderSettings,
        RiskGateSettings gateSettings)
    {
        var shards = config.GetInt("kalshiarb.cluster.order-shards", 100);
        string[] roles = [ClusterRoles.Market, ClusterRoles.Execution, ClusterRoles.Risk];
        // The node's own hosting extensions, in the manifest's order (no venue state, no market side).
        var host = await ActorHost.StartAsync(name, config, akka => akka
            .WithClusterJoin(new ClusterMembership("127.0.0.1", 0, roles, []), TimeSpan.FromSeconds(30), _ => { }, _ => { })
            .WithRiskGate(gateSettings, roles)
            .WithOrders(new OrdersOptions { Venue = () => venue, Orders = orderSettings, Shards = shards }, roles)
            .WithOrderAdmission(new OrderAdmissionSettings { MaxSignalAge = orderSettings.Policy.MaxSignalAge }, roles));
        var r = host.Registry;
        Console.WriteLine($"  order path: admission -> order shard region ({shards} shards, open-order watch) -> OrderActor, RiskGate singleton; one-member cluster (market, execution, risk)");
        return new BenchOrderPath(host.System, r.Get<RiskGateSupervisor>(), r.Get<OrderRegion>(), r.Get<OrderDesk>(), r.Get<OrderAdmission>(), shards);
    }

    public Task<ExecutionStatus> DeskStatusAsync() => Desk.Ask<ExecutionStatus>(GetExecutionStatus.Instance, TimeSpan.FromSeconds(10));

    public Task<AdmissionStatus> AdmissionStatusAsync() => Admission.Ask<AdmissionStatus>(GetAdmissionStatus.Instance, TimeSpan.FromSeconds(10));

    public Task<RiskStateView> RiskStateAsync() => Gate.Ask<RiskStateView>(GetRiskState.Instance, TimeSpan.FromSeconds(30));

    /// <summary>Risk limits no benchmark order comes near: only one-order-in-flight-per-market can deny.</summary>
    public static RiskGateSettings GenerousGate() => new(new RiskLimits
    {
        MaxContractsPerMarket = Quantity.FromContracts(1_000_000),
        MaxExposurePerMarket = Money.FromDollars(100_000_000),
        MaxTotalExposure = Money.FromDollars(100_000_000),
        MaxOpenMarkets = 1_000_000,
        DailyLossLimit = Money.FromDollars(100_000_000),
        LossStreakLimit = 1_000_000,
        LossStreakCooldown = TimeSpan.FromMinutes(1),
        MaxOrdersPerMinute = 100_000_000,
    }) { InitialBalance = Money.FromDollars(100_000_000) };

    public static string Counts(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"));
}
