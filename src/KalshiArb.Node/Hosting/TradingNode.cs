using Akka.Actor;
using Akka.Hosting;
using KalshiArb.Actors.Hosting;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Risk;
using KalshiArb.Exchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// One running cluster member, started through its manifest (<see cref="TradingNodeManifest"/>), and what its roles
/// carry, read from the actor registry. A node alone forms a one-member cluster, so the embedded default runs the same
/// sharding and singleton code as a real cluster: risk → may host the RiskGate singleton; execution → hosts order shards,
/// the venue and the node's order desk; market → hosts market shards and may host the feed, odds poller and catalog
/// singletons. Every node gets proxies to whatever it does not host.
/// </summary>
public sealed class TradingNode : IAsyncDisposable
{
    private readonly NodeStartup _start;

    private TradingNode(IHost host, NodeStartup start)
    {
        Host = host;
        _start = start;
        System = host.Services.GetRequiredService<ActorSystem>();
        var registry = ActorRegistry.For(System);
        RiskGate = registry.Get<RiskGateSupervisor>();
        OrderRegion = registry.Get<OrderRegion>();
        Orders = registry.TryGet<OrderDesk>(out var desk) ? desk : null;
        OpenOrders = registry.TryGet<OpenOrderWatch>(out var watch) ? watch : null;
        Admission = registry.TryGet<OrderAdmission>(out var admission) ? admission : null;
        Markets = MarketSideRefs.From(registry);
    }

    public IHost Host { get; }

    public ActorSystem System { get; }

    public TradingConfig Config => _start.Config;

    /// <summary>The RiskGate singleton's proxy.</summary>
    public IActorRef RiskGate { get; }

    /// <summary>The "order" shard region (a proxy on nodes without the execution role).</summary>
    public IActorRef OrderRegion { get; }

    /// <summary>This node's order desk; null on a node without the execution role.</summary>
    public IActorRef? Orders { get; }

    /// <summary>Where this node's signals become orders; null on a node without the market role.</summary>
    public IActorRef? Admission { get; }

    /// <summary>The OpenOrderWatch singleton's proxy on an execution node (null elsewhere).</summary>
    public IActorRef? OpenOrders { get; }

    /// <summary>Each status component's last answer, shown while it is not answering.</summary>
    public StatusMemory StatusMemory { get; } = new();

    /// <summary>The market region and the proxies of the market-data singletons.</summary>
    public MarketSideRefs Markets { get; }

    public ExchangeConnection Exchange => _start.Exchange!;

    /// <summary>The market-data recorder (<c>run --record</c>); null when not recording.</summary>
    public KalshiArb.Recording.Recorder.MarketDataRecorder? Recorder => _start.Recorder;

    /// <summary>Where this node's orders go (null on a member without the execution role).</summary>
    public KalshiArb.Actors.Venues.IVenue? Venue => _start.Venue;

    /// <summary>The in-process simulator, when this node runs one.</summary>
    public ExchangeSimulator? Simulator => Exchange.Simulator;

    /// <summary>
    /// Builds the host from the manifest and starts it. A step that fails stops the host and is thrown here:
    /// <see cref="JournalCheckFailedException"/> when the journal self check failed, otherwise the step's own exception.
    /// <paramref name="connect"/> opens the exchange connection (after the journal check); the node disposes it with itself
    /// when <paramref name="ownsExchange"/> (a test's simulator may outlive the node and serve the next one).
    /// </summary>
    public static async Task<TradingNode> StartAsync(NodeSettings settings, Serilog.ILogger log,
        Func<TradingConfig, CancellationToken, Task<ExchangeConnection>> connect, CancellationToken ct, bool ownsExchange = true,
        ReplaySources? replay = null)
    {
        var start = new NodeStartup { Connect = connect, Log = log, Cancellation = ct, OwnsExchange = ownsExchange, Replay = replay };
        var host = NodeHostFactory.Build(settings, log, (akka, sp) =>
        {
            start.Loggers = sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>();
            akka.WithTradingNode(settings, start);
        });
        try
        {
            try
            {
                await host.StartAsync(ct);
            }
            catch (Exception ex)
            {
                start.Fail(ex);
            }
            // Akka.Hosting logs a failed step and stops the application without throwing: a start that did not reach the
            // manifest's last step failed.
            if (!start.Completed) start.Fail(new InvalidOperationException("the node did not start (the log says which step failed)"));
            if (start.Failure is { } failed)
            {
                await host.StopAsync(CancellationToken.None);
                global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
            }
            var node = new TradingNode(host, start);
            log.Information("node up as {Address} with roles {Roles}", Akka.Cluster.Cluster.Get(node.System).SelfAddress, string.Join(",", settings.Roles));
            return node;
        }
        catch
        {
            await start.DisposeResourcesAsync();
            host.Dispose();
            throw;
        }
    }

    /// <summary>Stops the host gracefully (coordinated shutdown: the feed stops, orders drain, regions hand off, the node leaves).</summary>
    public Task StopAsync() => Host.StopAsync(CancellationToken.None);

    /// <summary>Releases the venue, the exchange connection and the host; call after <see cref="StopAsync"/> (or a crash).</summary>
    public async ValueTask DisposeAsync()
    {
        await _start.DisposeResourcesAsync();
        Host.Dispose();
    }
}
