using Akka.Actor;
using Akka.Hosting;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.Hosting;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Serialization;
using KalshiArb.Adapters.Kalshi.Data;
using KalshiArb.Adapters.Kalshi.Providers;
using KalshiArb.Adapters.OddsApi.Data;
using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Adapters.Recording.Providers;
using KalshiArb.Actors.Venues.Paper;
using KalshiArb.Domain.Odds;
using KalshiArb.Kalshi.Feed;
using KalshiArb.Odds.Api;
using KalshiArb.Odds.Teams;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// The node on one screen: its configuration, then its parts in start order. Akka.Hosting runs the steps one after the
/// other when the host starts, and a step that fails ends the start there, so the order below is the fail-closed order:
/// journal check, exchange, cluster membership, the passive parts (risk gate, venue, orders), the venue state loaded into
/// the gate, and only then what produces signals (admission, market side). Each role's parts start only on a member with
/// that role; every other member gets proxies.
/// </summary>
public static class TradingNodeManifest
{
    public static AkkaConfigurationBuilder WithTradingNode(this AkkaConfigurationBuilder akka, NodeSettings settings, NodeStartup start)
    {
        var member = new ClusterMembership(settings.Hostname, settings.Port, settings.Roles, settings.SeedNodes);
        var roles = settings.Roles;

        akka.WithNodeConfig(settings);
        var config = start.Config = TradingConfig.From(akka.Configuration.Value);

        return akka
            .WithJournalCheck(JournalProbeId, TimeSpan.FromSeconds(30), r =>
            {
                if (r.Healthy) start.Log.Information("journal healthy ({Store}, probe seq {Seq})", settings.Store, r.SequenceNr);
                else start.Fail(new JournalCheckFailedException(r.Reason));
            })
            .WithExchange(start)
            .WithClusterJoin(member, config.Cluster.JoinTimeout, start.Fail, address => start.Log.Information("cluster member {Address}", address))
            .WithQuietEnd()
            // a replay's limits (orders per minute, loss-streak cooldown, trading day) count replayed time, not how fast it replays
            .WithRiskGate(start.Replay is { } replayed ? new RiskGateSettings(config.Limits) { Clock = replayed.Clock.GetUtcNow } : new RiskGateSettings(config.Limits), roles)
            // before the member's one market-data connection opens, so its first frame is recorded
            .WithRecording(settings.RecordDirectory, start)
            .WithMarketData(settings.Mode, start, roles)
            .WithVenue(settings.Mode, start, roles)
            .WithOrders(new OrdersOptions { Venue = () => start.Venue!, Orders = start.Replay is { } replay ? config.Orders with { Clock = replay.Clock } : config.Orders, Shards = config.Cluster.OrderShards, OpenOrders = config.OpenOrders },
                roles)
            .WithPnlSeed(settings, start)
            .WithVenueState(start, roles)
            .WithOrderDrain(start, roles)
            // Trading opens: from here signals are produced and admitted.
            // a replay's signals wait for its barrier, which places them in the same order every time (NodeReplayBarrier)
            .WithOrderAdmission(new OrderAdmissionSettings
                {
                    MaxSignalAge = config.Orders.Policy.MaxSignalAge, Clock = start.Replay?.Clock ?? TimeProvider.System, HoldSignals = start.Replay is not null,
                },
                roles)
            .WithMarkets(() => MarketSources(start), config.Cluster.MarketShards, roles)
            .WithFeedStop(roles)
            .WithActors((_, _) => start.Complete());
    }

    /// <summary>
    /// The node's configuration: typed remoting and clustering, HOCON where no typed option exists (see each extension).
    /// Each layer is prepended, so a later one wins where two set the same key, and the operator's overlay wins over
    /// everything. The same layers as <see cref="AkkaConfigComposer.Compose"/>, which offline readers use.
    /// </summary>
    public static AkkaConfigurationBuilder WithNodeConfig(this AkkaConfigurationBuilder akka, NodeSettings settings) =>
        akka.WithKalshiArbBase()
            .WithTradingCluster(new ClusterMembership(settings.Hostname, settings.Port, settings.Roles, settings.SeedNodes))
            .WithKalshiArbPersistence(settings.Store, settings.EffectiveConnectionString)
            .WithKalshiArbSerialization()
            .WithConfigOverlay(settings.ConfigOverlayPath);

    /// <summary>Each node has its own probe journal.</summary>
    private static string JournalProbeId(ActorSystem system)
    {
        var self = Akka.Cluster.Cluster.Get(system).SelfAddress;
        return $"journal-probe-{system.Name}-{self.Host}-{self.Port}";
    }

    /// <summary>The market side's outside sources on the node's exchange connection: Kalshi discovery, the odds API (market data is the hub's).</summary>
    private static MarketSideOptions MarketSources(NodeStartup start)
    {
        if (start.Replay is { } replay) return ReplayMarketSources(start, replay);
        var exchange = start.Exchange!;
        var config = start.Config;
        var recorder = start.Recorder;
        var oddsHttp = start.Own(new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        var oddsOptions = new OddsApiOptions { BaseUrl = exchange.OddsBaseUrl, ApiKey = exchange.OddsApiKey };
        // shared by the odds client, the poller and the feed of this process: each market gets the consensus and the book
        // changes in receive order (what a recording keeps), though they come from two actors
        var arrivals = new OddsArrivals();
        var oddsClient = new OddsApiClient(oddsHttp, oddsOptions, start.Loggers.CreateLogger<OddsApiClient>())
        {
            Arrivals = arrivals,
            BodyReceived = recorder is null ? null : (sport, body, at) => recorder.RecordOdds(sport, body, at),
        };
        // a replay parses the recorded odds answers in the format they were asked in
        recorder?.RecordMarker(CatalogRecord.OddsFormatKey, System.Text.Encoding.UTF8.GetBytes(oddsOptions.OddsFormat.ToString()), DateTimeOffset.UtcNow);
        IMarketDiscovery discovery = new KalshiMarketDiscovery(start.Rest);
        var side = MarketSide(start, recorder is null ? discovery : new RecordingMarketDiscovery(discovery, recorder, TimeProvider.System),
            new OddsApiSource(oddsClient, oddsOptions));
        return side with
        {
            Feed = side.Feed with { OddsArrivals = arrivals },
            OddsPoller = side.OddsPoller with { Arrivals = arrivals },
        };
    }

    /// <summary>
    /// A replay's market side: the recording's sources, the replay clock, and nothing that runs on real time: a market's
    /// due evaluation has no wall-clock timer (the next change or the replay's barrier runs it at its due time, as live's
    /// timer did: same interval as live), no periodic book confirmation or rediscovery, odds polled by the replay at their
    /// recorded places.
    /// </summary>
    private static MarketSideOptions ReplayMarketSources(NodeStartup start, ReplaySources replay)
    {
        var defaults = MarketSide(start, replay.Discovery, replay.Odds);
        return defaults with
        {
            Clock = replay.Clock,
            Market = defaults.Market with { DueEvaluationGrace = null },
            Feed = defaults.Feed with { BookConfirmInterval = null },
            Catalog = defaults.Catalog with { RefreshInterval = null },
            OddsPoller = defaults.OddsPoller with { AutoPoll = false },
        };
    }

    private static MarketSideOptions MarketSide(NodeStartup start, IMarketDiscovery discovery, IOddsSource odds)
    {
        var config = start.Config;
        return new MarketSideOptions
        {
            Discovery = discovery,
            Odds = odds,
            Teams = TeamTables.LoadShipped(),
            SignalSink = r => r.Get<OrderAdmission>(),
            ExtraCatalogSubscribers = r => r.TryGet<PaperVenueFeed>(out var paperFeed) ? [paperFeed] : [],
            Market = config.Market,
            OddsPoller = OddsPollerSettings.Default with
            {
                Consensus = ConsensusSettings.Default with { MaxBookAge = config.MaxOddsBookAge, MinFreshBooks = config.MinFreshBooks },
            },
        };
    }
}
