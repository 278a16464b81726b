using Akka.Hosting;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Domain.Odds;

namespace KalshiArb.Actors.Hosting;

/// <summary>What the market side runs on: its outside sources, where signals go, and each part's settings.</summary>
public sealed record MarketSideOptions
{
    public required IMarketDiscovery Discovery { get; init; }
    public required IOddsSource Odds { get; init; }
    public required TeamDirectory Teams { get; init; }

    /// <summary>Receives every TradeSignal (the node's order admission), read from the registry when the region starts.</summary>
    public required Func<IActorRegistry, IActorRef> SignalSink { get; init; }

    public MarketActorSettings Market { get; init; } = MarketActorSettings.Default;
    public MarketFeedSettings Feed { get; init; } = MarketFeedSettings.Default;
    public MarketCatalogSettings Catalog { get; init; } = new();
    public OddsPollerSettings OddsPoller { get; init; } = OddsPollerSettings.Default;
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Also told of every discovery round (e.g. the paper venue's feed, which must follow the same markets).</summary>
    public Func<IActorRegistry, IReadOnlyList<IActorRef>> ExtraCatalogSubscribers { get; init; } = _ => [];
}

/// <summary>The running market side's actors: the region and the singletons' proxies.</summary>
public sealed record MarketSideRefs(IActorRef Markets, IActorRef Feed, IActorRef OddsPoller, IActorRef Catalog)
{
    public static MarketSideRefs From(IReadOnlyActorRegistry registry) =>
        new(registry.Get<MarketRegion>(), registry.Get<MarketFeed>(), registry.Get<OddsPoller>(), registry.Get<MarketCatalog>());
}

/// <summary>
/// The market side, wired here rather than in any one of its folders (Market, Feed, OddsFeed): MarketActors in the
/// "market" shard region, and the feed, odds poller and catalog (whose discovery feeds the other two) as cluster
/// singletons on the oldest member with the market role (the others take over when it leaves). A member without the
/// role gets only proxies.
/// </summary>
public static class MarketsHosting
{
    public const string FeedName = "market-feed";
    public const string OddsPollerName = "odds-poller";
    public const string CatalogName = "market-catalog";

    /// <summary>
    /// The producers of signals: the last step of a manifest, once the venue state is loaded. The feed takes its events from
    /// the member's <see cref="MarketDataHub"/> (<see cref="MarketDataHubHosting.WithMarketDataHub"/>, an earlier step). <paramref name="options"/> is
    /// read once, when the region starts (its sources may come from an earlier step). MarketActors are not remembered: a
    /// market that moves rebuilds its book from a fresh snapshot.
    /// </summary>
    public static AkkaConfigurationBuilder WithMarkets(this AkkaConfigurationBuilder akka, Func<MarketSideOptions> options, int shards,
        IReadOnlyCollection<string> memberRoles)
    {
        var o = new Lazy<MarketSideOptions>(options);
        const string role = ClusterRoles.Market;
        return akka
            .WithRoleShardRegion<MarketRegion>(MarketRegion.TypeName, (system, registry) =>
            {
                var sink = o.Value.SignalSink(registry);
                // the feed singleton needs the region, so it starts after it: reached through the registry
                var feed = new RegisteredActor<MarketFeed>(system);
                return t => MarketActor.Props(t, sink, o.Value.Market, o.Value.Clock, feed);
            }, new MarketMessageExtractor(shards), role, memberRoles)
            .WithRoleSingleton<MarketFeed>(FeedName, (_, r) => MarketFeed.Props(r.Get<MarketDataHub>(), r.Get<MarketRegion>(), o.Value.Feed, o.Value.Clock),
                role, memberRoles)
            .WithRoleSingleton<OddsPoller>(OddsPollerName, (_, r) => OddsPoller.Props(o.Value.Odds, o.Value.Teams, r.Get<MarketRegion>(), o.Value.OddsPoller,
                o.Value.Clock), role, memberRoles)
            .WithRoleSingleton<MarketCatalog>(CatalogName, (_, r) => MarketCatalog.Props(o.Value.Discovery, r.Get<MarketRegion>(),
                [r.Get<MarketFeed>(), r.Get<OddsPoller>(), .. o.Value.ExtraCatalogSubscribers(r)], o.Value.Catalog, o.Value.Clock), role, memberRoles);
    }

    /// <summary>Stops this member's feed, odds poller and catalog where they run (the first shutdown step: no new signals).</summary>
    public static void StopLocalSingletons(ActorSystem system)
    {
        RoleHosting.StopLocalSingleton<MarketCatalog>(system);
        RoleHosting.StopLocalSingleton<MarketFeed>(system);
        RoleHosting.StopLocalSingleton<OddsPoller>(system);
    }
}
