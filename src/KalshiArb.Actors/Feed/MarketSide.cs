using Akka.Actor;
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

    /// <summary>Receives every TradeSignal (the order supervisor, or its shard region).</summary>
    public required IActorRef SignalSink { get; init; }

    public MarketActorSettings Market { get; init; } = MarketActorSettings.Default;
    public MarketFeedSettings Feed { get; init; } = MarketFeedSettings.Default;
    public MarketCatalogSettings Catalog { get; init; } = new();
    public OddsPollerSettings OddsPoller { get; init; } = OddsPollerSettings.Default;
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>The running market side's actors.</summary>
public sealed record MarketSideRefs(IActorRef Markets, IActorRef Feed, IActorRef OddsPoller, IActorRef Catalog);

/// <summary>
/// Starts the market side on one node: a <see cref="MarketRouter"/> of MarketActors, the <see cref="MarketFeed"/>,
/// the <see cref="OddsPoller"/> and the <see cref="MarketCatalog"/> whose discovery feeds the other two.
/// </summary>
public static class MarketSide
{
    public const string MarketsName = "markets";
    public const string FeedName = "market-feed";
    public const string OddsPollerName = "odds-poller";
    public const string CatalogName = "market-catalog";

    public static MarketSideRefs Start(ActorSystem system, MarketSideOptions o)
    {
        // MarketActors reach the feed by path: the feed needs the router first, so it does not exist yet here.
        var feedPath = system.ActorSelection($"/user/{FeedName}");
        var markets = system.ActorOf(MarketRouter.Props(t => MarketActor.Props(t, o.SignalSink, o.Market, o.Clock, feedPath)), MarketsName);
        var feed = system.ActorOf(MarketFeed.Props(o.MarketData, markets, o.Feed, o.Clock), FeedName);
        var poller = system.ActorOf(OddsPoller.Props(o.Odds, o.Teams, markets, o.OddsPoller, o.Clock), OddsPollerName);
        var catalog = system.ActorOf(MarketCatalog.Props(o.Discovery, markets, [feed, poller], o.Catalog, o.Clock), CatalogName);
        return new MarketSideRefs(markets, feed, poller, catalog);
    }
}
