using Akka.Actor;
using Akka.Streams;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;
using KalshiArb.Actors.Venues.Paper;
using KalshiArb.Adapters.Kalshi.Config;
using KalshiArb.Adapters.Kalshi.Data;
using KalshiArb.Adapters.Kalshi.Execution;
using KalshiArb.Adapters.Kalshi.Providers;
using KalshiArb.Adapters.OddsApi.Data;
using KalshiArb.Adapters.Paper.Config;
using KalshiArb.Adapters.Paper.Execution;
using KalshiArb.Domain.Odds;
using KalshiArb.Exchange;
using KalshiArb.Kalshi.Feed;
using KalshiArb.Kalshi.Rest;
using KalshiArb.Odds.Api;
using KalshiArb.Odds.Teams;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// One cluster member and what its roles carry. A node alone forms a one-member cluster, so the embedded
/// default runs the same sharding and singleton code as a real cluster:
/// risk → may host the RiskGate singleton; execution → hosts order shards, the venue and the node's order
/// desk ("orders"); market → hosts market shards and may host the feed, odds poller and catalog singletons.
/// Every node gets proxies to whatever it does not host.
/// </summary>
public sealed class TradingNode : IAsyncDisposable
{
    public const string OrdersName = "orders";
    public const string AdmissionName = "order-admission";
    public const string RiskGateName = "risk-gate";
    public const string SettlementCatchUpName = "settlement-catch-up";

    private readonly List<IDisposable> _owned = [];
    private IAsyncDisposable? _venue;

    /// <summary>The RiskGate singleton's proxy.</summary>
    public required IActorRef RiskGate { get; init; }

    /// <summary>The "order" shard region (a proxy on nodes without the execution role).</summary>
    public required IActorRef OrderRegion { get; init; }

    /// <summary>This node's order desk; null on a node without the execution role.</summary>
    public IActorRef? Orders { get; init; }

    /// <summary>Where this node's signals become orders; null on a node without the market role.</summary>
    public IActorRef? Admission { get; init; }

    /// <summary>The OpenOrderWatch singleton's proxy on an execution node (null elsewhere).</summary>
    public IActorRef? OpenOrders { get; init; }

    /// <summary>Each status component's last answer, shown while it is not answering.</summary>
    public StatusMemory StatusMemory { get; } = new();

    /// <summary>The market region and the proxies of the market-data singletons.</summary>
    public required MarketSideRefs Markets { get; init; }

    public required ExchangeConnection Exchange { get; init; }

    public required ActorSystem System { get; init; }

    /// <summary>The in-process simulator, when this node runs one.</summary>
    public ExchangeSimulator? Simulator => Exchange.Simulator;

    public static async Task<TradingNode> StartAsync(ActorSystem system, NodeSettings settings, TradingConfig config, ExchangeConnection exchange,
        ILoggerFactory loggers, Serilog.ILogger log, CancellationToken ct)
    {
        await JoinClusterAsync(system, settings, config, log, ct);
        RegisterQuietEnd(system);

        var owned = new List<IDisposable>();
        IAsyncDisposable? venueOwner = null;
        try
        {
            var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            owned.Add(http);
            var rest = new KalshiRestClient(http, new KalshiRestOptions { BaseUrl = exchange.RestBaseUrl }, exchange.Signer);

            var gate = ClusterSingleton.Start(system, RiskGateName, RiskGateSupervisor.Props(new RiskGateSettings(config.Limits)), ClusterRoles.Risk);

            IActorRef orderRegion;
            IActorRef? orders = null;
            IActorRef? openOrders = null;
            IActorRef? paperFeed = null;
            if (settings.HasRole(ClusterRoles.Execution))
            {
                IVenue venue;
                if (settings.Mode == TradingMode.Paper)
                {
                    var paper = new PaperVenue(new PaperVenueOptions { StartingBalance = config.Paper.StartingBalance, OrderLatency = config.Paper.OrderLatency });
                    // Its own market-data connection: one feed session per consumer (two materializations of one
                    // KalshiFeed would share its subscriptions).
                    var paperData = new KalshiMarketDataSource(new KalshiFeed(new KalshiFeedOptions { Url = exchange.WebSocketUrl, MaxFrameBytes = config.FeedMaxFrameBytes }, exchange.Signer));
                    paperFeed = system.ActorOf(PaperVenueFeed.Props(paperData, paper), "paper-feed");
                    venue = paper;
                }
                else
                {
                    venue = CreateVenue(system, exchange);
                }
                venueOwner = venue as IAsyncDisposable;
                // Entities reach the desk by path: the desk needs the region first, so it does not exist yet here.
                var desk = system.ActorSelection($"/user/{OrdersName}");
                orderRegion = await ShardRegions.StartOrdersAsync(system,
                    id => OrderActor.Props(id, gate, venue, config.Orders, desk), config.Cluster.OrderShards);
                orders = system.ActorOf(OrderDesk.Props(gate, venue, orderRegion), OrdersName);
                PnlJournalSeed.Start(settings, orders, PnlJournalSeed.ReadWithin, log);
                openOrders = OpenOrderWatch.StartSingleton(system, orderRegion, gate, config.OpenOrders);
                if (venue is PaperVenue paperVenue) await LoadPaperStateAsync(paperVenue, gate, config, log, ct);
                else
                {
                    await LoadVenueStateAsync(rest, gate, config, log, ct);
                    // not in paper mode: there the paper venue pays out from its own feed, and a settlement it missed
                    // would leave its cash behind the desk's P&L
                    system.ActorOf(SettlementCatchUp.Props(orders, rest.GetMarketAsync, new SettlementCatchUpSettings(
                        config.SettlementCheckInterval, config.Orders.Policy.VenueCallTimeout, config.RiskAnswerTimeout)), SettlementCatchUpName);
                }
                RegisterDrain(system, orders, config, log);
            }
            else
            {
                orderRegion = await ShardRegions.StartOrdersAsync(system, _ => throw new InvalidOperationException("a proxy hosts no orders"),
                    config.Cluster.OrderShards);
            }

            MarketSideRefs markets;
            IActorRef? admission = null;
            if (settings.HasRole(ClusterRoles.Market))
            {
                admission = system.ActorOf(OrderAdmission.Props(orderRegion, gate,
                    new OrderAdmissionSettings { MaxSignalAge = config.Orders.Policy.MaxSignalAge }), AdmissionName);
                var oddsHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                owned.Add(oddsHttp);
                var oddsOptions = new OddsApiOptions { BaseUrl = exchange.OddsBaseUrl, ApiKey = exchange.OddsApiKey };
                var oddsClient = new OddsApiClient(oddsHttp, oddsOptions, loggers.CreateLogger<OddsApiClient>());
                var feed = new KalshiFeed(new KalshiFeedOptions { Url = exchange.WebSocketUrl, MaxFrameBytes = config.FeedMaxFrameBytes }, exchange.Signer);
                markets = await MarketSide.StartInClusterAsync(system, new MarketSideOptions
                {
                    Discovery = new KalshiMarketDiscovery(rest),
                    MarketData = new KalshiMarketDataSource(feed),
                    Odds = new OddsApiSource(oddsClient, oddsOptions),
                    Teams = TeamTables.LoadShipped(),
                    SignalSink = admission,
                    ExtraCatalogSubscribers = paperFeed is null ? [] : [paperFeed],
                    Market = config.Market,
                    OddsPoller = OddsPollerSettings.Default with
                    {
                        Consensus = ConsensusSettings.Default with { MaxBookAge = config.MaxOddsBookAge, MinFreshBooks = config.MinFreshBooks },
                    },
                }, config.Cluster.MarketShards);
                RegisterFeedStop(system);
            }
            else
            {
                markets = await MarketSide.ProxiesInClusterAsync(system, config.Cluster.MarketShards);
            }

            var node = new TradingNode
            {
                RiskGate = gate, OrderRegion = orderRegion, Orders = orders, OpenOrders = openOrders, Admission = admission, Markets = markets, Exchange = exchange,
                System = system,
            };
            node._owned.AddRange(owned);
            node._venue = venueOwner;
            log.Information("node up as {Address} with roles {Roles}", Akka.Cluster.Cluster.Get(system).SelfAddress, string.Join(",", settings.Roles));
            return node;
        }
        catch
        {
            if (venueOwner is not null) await venueOwner.DisposeAsync();
            foreach (var d in owned) d.Dispose();
            throw;
        }
    }

    private static async Task JoinClusterAsync(ActorSystem system, NodeSettings settings, TradingConfig config, Serilog.ILogger log, CancellationToken ct)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        // Without seed nodes this node forms a cluster of its own; with them, the configured seeds are joined.
        if (settings.SeedNodes.Count == 0) cluster.Join(cluster.SelfAddress);
        try
        {
            await up.Task.WaitAsync(config.Cluster.JoinTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException(
                $"not a cluster member after {config.Cluster.JoinTimeout}: no seed node answered ({string.Join(", ", settings.SeedNodes)})");
        }
        log.Information("cluster member {Address}", cluster.SelfAddress);
    }

    private static KalshiVenue CreateVenue(ActorSystem system, ExchangeConnection exchange)
    {
        var options = exchange.IsLive
            ? KalshiVenueOptions.Live with { RestBaseUrl = exchange.RestBaseUrl, WebSocketUrl = exchange.WebSocketUrl }
            : KalshiVenueOptions.Simulator(exchange.RestBaseUrl, exchange.WebSocketUrl);
        return KalshiVenue.Create(options, exchange.Signer, system.Materializer());
    }

    /// <summary>Paper trading starts flat with the configured balance; the paper venue is the truth about it.</summary>
    private static async Task LoadPaperStateAsync(PaperVenue venue, IActorRef gate, TradingConfig config, Serilog.ILogger log, CancellationToken ct)
    {
        await gate.Ask<VenueStateLoaded>(new LoadVenueState(venue.Cash, [], []), config.Cluster.JoinTimeout, ct);
        log.Information("risk gate loaded from the paper venue: balance {Balance}", venue.Cash);
    }

    /// <summary>
    /// The venue is the truth at start-up: its balance and positions replace the gate's view. Failing here
    /// means the node does not trade.
    /// </summary>
    private static async Task LoadVenueStateAsync(KalshiRestClient rest, IActorRef gate, TradingConfig config, Serilog.ILogger log, CancellationToken ct)
    {
        var balance = await rest.GetBalanceAsync(ct);
        if (!balance.IsSuccess) throw new InvalidOperationException($"cannot read the venue balance: {balance.Error}");
        var positions = await KalshiRestClient.CollectAllAsync(cursor => rest.GetPositionsAsync(null, cursor, ct));
        if (!positions.IsSuccess) throw new InvalidOperationException($"cannot read the venue positions: {positions.Error}");
        var seeds = positions.Value!
            .Where(p => !p.Position.IsZero)
            .Select(p => new VenuePositionSeed(p.Ticker, p.Position, p.Exposure))
            .ToList();
        // The gate may be starting on another node: give its singleton time to come up and recover.
        var loaded = await gate.Ask<VenueStateLoaded>(new LoadVenueState(balance.Value!.Balance, seeds, []), config.Cluster.JoinTimeout, ct);
        log.Information("risk gate loaded from the venue: balance {Balance}, {Positions} positions", balance.Value.Balance, loaded.Positions);
    }

    /// <summary>
    /// Shutdown, first: this node's feed, odds poller and catalog stop. MarketActors evaluate only on new book or
    /// consensus input, so no new signals start from here.
    /// </summary>
    /// <summary>
    /// Akka's loggers stop before remoting does, and what remoting says then ("Remoting shut down") goes to Akka's own
    /// stdout logger in its own format: past the last phase that matters only warnings are worth a line.
    /// </summary>
    private static void RegisterQuietEnd(ActorSystem system) =>
        Akka.Actor.CoordinatedShutdown.Get(system).AddTask(Akka.Actor.CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "quiet-end", () =>
        {
            system.EventStream.SetLogLevel(Akka.Event.LogLevel.WarningLevel);
            return Task.FromResult(Akka.Done.Instance);
        });

    private static void RegisterFeedStop(ActorSystem system)
    {
        Akka.Actor.CoordinatedShutdown.Get(system).AddTask(Akka.Actor.CoordinatedShutdown.PhaseBeforeServiceUnbind, "stop-market-feed", () =>
        {
            // Only where the singletons run; elsewhere the selection is empty. Another market node takes over after the leave.
            system.ActorSelection($"/user/{MarketSide.CatalogName}/{ClusterSingleton.SingletonName}").Tell(PoisonPill.Instance);
            system.ActorSelection($"/user/{MarketSide.FeedName}/{ClusterSingleton.SingletonName}").Tell(PoisonPill.Instance);
            system.ActorSelection($"/user/{MarketSide.OddsPollerName}/{ClusterSingleton.SingletonName}").Tell(PoisonPill.Instance);
            return Task.FromResult(Akka.Done.Instance);
        });
    }

    /// <summary>
    /// Shutdown, then: the desk takes no new orders and (kalshiarb.shutdown.resting-orders = cancel) cancels its
    /// open orders and waits for the venue to confirm, before the shard region hands its entities off and the
    /// journal closes (in-flight writes finish before an entity processes its stop message).
    /// </summary>
    private static void RegisterDrain(ActorSystem system, IActorRef orders, TradingConfig config, Serilog.ILogger log)
    {
        Akka.Actor.CoordinatedShutdown.Get(system).AddTask(Akka.Actor.CoordinatedShutdown.PhaseServiceRequestsDone, "drain-orders", async () =>
        {
            try
            {
                var drained = await orders.Ask<OrdersDrained>(new DrainOrders(config.Shutdown.CancelResting), config.Shutdown.DrainTimeout);
                log.Information("orders drained ({Policy}); {Open} still open", config.Shutdown.CancelResting ? "canceled" : "kept", drained.StillOpen);
            }
            catch (AskTimeoutException)
            {
                log.Warning("orders not drained within {Timeout}; the journal keeps them and the next start reconciles", config.Shutdown.DrainTimeout);
            }
            return Akka.Done.Instance;
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_venue is not null) await _venue.DisposeAsync();
        foreach (var d in _owned) d.Dispose();
    }
}
