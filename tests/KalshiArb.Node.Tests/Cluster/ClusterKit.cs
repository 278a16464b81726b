using Akka.Cluster.Sharding;
using KalshiArb.Actors.Persistence;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Kalshi.Auth;

namespace KalshiArb.Node.Tests.Cluster;

/// <summary>
/// Several cluster members in one process on loopback ports, sharing one PostgreSQL journal and one exchange
/// simulator, each started exactly as `run` starts a node (TradingNode.StartAsync: the node's manifest). Failure detection and
/// the split-brain resolver are sped up so a crashed node is downed within seconds.
/// </summary>
public sealed class ClusterKit : IAsyncDisposable
{
    private const string FastFailover = """
        akka.cluster.split-brain-resolver.stable-after = 3s
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        akka.cluster.failure-detector.heartbeat-interval = 500ms
        akka.remote.dot-netty.tcp.connection-timeout = 2s
        akka.cluster.sharding.retry-interval = 500ms
        akka.cluster.sharding.entity-restart-backoff = 500ms
        akka.cluster.sharding.rebalance-interval = 2s
        akka.cluster.singleton-proxy.singleton-identification-interval = 500ms
        akka.coordinated-shutdown.phases.cluster-exiting.timeout = 5s
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        kalshiarb.risk.max-orders-per-minute = 1000
        kalshiarb.orders.cancel-after = 10m
        kalshiarb.cluster.join-timeout = 40s
        kalshiarb.shutdown.resting-orders = keep
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("ka-cluster-").FullName;
    private readonly List<ClusterNode> _nodes = [];
    private readonly NodePostgres _db = new();
    private SimulatorAccountKey? _key;

    public ExchangeSimulator Simulator { get; private set; } = null!;

    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    public static async Task<ClusterKit> StartAsync()
    {
        var kit = new ClusterKit();
        kit._key = SimulatorAccountKey.LoadOrCreate(Path.Combine(kit._dir, "keys"));
        kit.Simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Seed = 7,
            TickInterval = TimeSpan.FromMilliseconds(250),
            Accounts = [new SimAccount(kit._key.KeyId, kit._key.PublicKeyPem, KalshiArb.Domain.Primitives.Money.FromDollars(10_000))],
        });
        return kit;
    }

    public SimulatorAccountKey Key => _key!;

    /// <summary>Starts a member with these roles; the first member forms the cluster, the others join it.</summary>
    public async Task<ClusterNode> AddNodeAsync(string name, string[] roles, string extraHocon = "")
    {
        var overlay = Path.Combine(_dir, name + ".conf");
        await File.WriteAllTextAsync(overlay, FastFailover + "\n" + extraHocon);
        var settings = new NodeSettings
        {
            DataDirectory = Path.Combine(_dir, name, "data"),
            LogDirectory = Path.Combine(_dir, name, "logs"),
            Store = PersistenceStore.PostgreSql,
            ConnectionString = _db.ConnectionString,
            Roles = roles,
            SeedNodes = _nodes.Count == 0 ? [] : [_nodes[0].Address.ToString()],
            ConfigOverlayPath = overlay,
        };
        var logger = NodeHostFactory.CreateLogger(settings);
        var signer = KalshiSigner.FromPem(Key.KeyId, await File.ReadAllTextAsync(Key.PrivateKeyPath));
        // Every member trades on the kit's one simulator (not owned by the node: no Simulator set).
        var trading = await TradingNode.StartAsync(settings, logger, (_, _) => Task.FromResult(new ExchangeConnection
        {
            VenueName = "kalshi-sim",
            RestBaseUrl = Simulator.RestBaseUrl,
            WebSocketUrl = Simulator.WsUrl,
            OddsBaseUrl = Simulator.OddsApiBaseUrl,
            OddsApiKey = ExchangeConnection.SimulatorOddsApiKey,
            Signer = signer,
        }), CancellationToken.None, ownsExchange: false);
        var node = new ClusterNode { Name = name, Trading = trading, Logger = logger };
        _nodes.Add(node);
        return node;
    }

    /// <summary>A graceful leave: coordinated shutdown hands singletons and shards over before the node exits.</summary>
    public async Task LeaveAsync(ClusterNode node)
    {
        node.Stopped = true;
        await node.Host.StopAsync();
        await node.Trading.DisposeAsync();
    }

    /// <summary>
    /// A crash: the node's transport goes away without leaving (coordinated shutdown is skipped), so the others
    /// see it unreachable and the split-brain resolver downs it.
    /// </summary>
    public async Task CrashAsync(ClusterNode node)
    {
        node.Stopped = true;
        // Terminating the system does not run coordinated shutdown here (run-by-actor-system-terminate = off):
        // no leave, no hand-over, no drain.
        await node.System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        await node.Trading.DisposeAsync();
    }

    /// <summary>The entity ids this node's region hosts right now.</summary>
    public static async Task<IReadOnlySet<string>> HostedEntitiesAsync(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
        return state.Shards.SelectMany(s => s.EntityIds).ToHashSet(StringComparer.Ordinal);
    }

    public static async Task<int> HostedShardsAsync(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
        return state.Shards.Count;
    }

    /// <summary>Polls until the assertion holds or the time is up (then rethrows the last failure).</summary>
    public static async Task EventuallyAsync(Func<Task> assertion, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await every.WaitForNextTickAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            if (!node.Stopped)
            {
                try
                {
                    await node.Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
                }
                catch (TimeoutException)
                {
                    await node.System.Terminate();
                }
                await node.Trading.DisposeAsync();
            }
            (node.Logger as IDisposable)?.Dispose();
        }
        await Simulator.DisposeAsync();
        _db.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held by a closing sink; the temp directory is left behind then.
        }
    }
}
