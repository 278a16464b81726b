using Akka.Actor;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Domain.Odds;

namespace KalshiArb.Actors.Feed;

/// <summary>What the market side runs on: its outside sources, where signals go, and each part's settings.</summary>
public sealed record MarketSideOptions
{
    public required IMarketDiscovery Discovery { get; init; }
    public required IMarketDataSource MarketData { get; init; }
    public required IOddsSource Odds { get; init; }
    public required TeamDirectory Teams { get; init; }

    /// <summary>Receives every TradeSignal (the node's order admission).</summary>
    public required IActorRef SignalSink { get; init; }

    public MarketActorSettings Market { get; init; } = MarketActorSettings.Default;
    public MarketFeedSettings Feed { get; init; } = MarketFeedSettings.Default;
    public MarketCatalogSettings Catalog { get; init; } = new();
    public OddsPollerSettings OddsPoller { get; init; } = OddsPollerSettings.Default;
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Also told of every discovery round (e.g. the paper venue's feed, which must follow the same markets).</summary>
    public IReadOnlyList<IActorRef> ExtraCatalogSubscribers { get; init; } = [];
}

/// <summary>The running market side's actors.</summary>
public sealed record MarketSideRefs(IActorRef Markets, IActorRef Feed, IActorRef OddsPoller, IActorRef Catalog);

/// <summary>
/// The market side of a cluster node: MarketActors in the "market" shard region, and the feed, odds poller and
/// catalog (whose discovery feeds the other two) as cluster singletons.
/// </summary>
public static class MarketSide
{
    public const string FeedName = "market-feed";
    public const string OddsPollerName = "odds-poller";
    public const string CatalogName = "market-catalog";

    /// <summary>
    /// The market side of a cluster node with the market role: MarketActors in the "market" shard region, the
    /// feed, the odds poller and the catalog as cluster singletons (on the oldest market node; the others take
    /// over when it leaves). Returns the region and the singletons' proxies.
    /// </summary>
    public static async Task<MarketSideRefs> StartInClusterAsync(ActorSystem system, MarketSideOptions o, int shards)
    {
        var feedProxy = system.ActorSelection($"/user/{FeedName}-proxy");
        var markets = await ShardRegions.StartMarketsAsync(system, t => MarketActor.Props(t, o.SignalSink, o.Market, o.Clock, feedProxy), shards);
        var feed = ClusterSingleton.Start(system, FeedName, MarketFeed.Props(o.MarketData, markets, o.Feed, o.Clock), ClusterRoles.Market);
        var poller = ClusterSingleton.Start(system, OddsPollerName, OddsPoller.Props(o.Odds, o.Teams, markets, o.OddsPoller, o.Clock), ClusterRoles.Market);
        var catalog = ClusterSingleton.Start(system, CatalogName, MarketCatalog.Props(o.Discovery, markets, [feed, poller, .. o.ExtraCatalogSubscribers], o.Catalog, o.Clock),
            ClusterRoles.Market);
        return new MarketSideRefs(markets, feed, poller, catalog);
    }

    /// <summary>A node without the market role reaches the market side only through proxies.</summary>
    public static async Task<MarketSideRefs> ProxiesInClusterAsync(ActorSystem system, int shards)
    {
        var markets = await ShardRegions.StartMarketsAsync(system, _ => throw new InvalidOperationException("a proxy hosts no markets"), shards);
        return new MarketSideRefs(markets,
            ClusterSingleton.Proxy(system, FeedName, ClusterRoles.Market),
            ClusterSingleton.Proxy(system, OddsPollerName, ClusterRoles.Market),
            ClusterSingleton.Proxy(system, CatalogName, ClusterRoles.Market));
    }
}
