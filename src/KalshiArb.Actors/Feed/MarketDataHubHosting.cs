using Akka.Hosting;

namespace KalshiArb.Actors.Feed;

/// <summary>Starts the node's <see cref="MarketDataHub"/>: at most one market-data connection per member.</summary>
public static class MarketDataHubHosting
{
    public const string HubName = "market-data";

    /// <summary>
    /// On a member that consumes market data (<paramref name="onThisMember"/>: it may host the market feed singleton, or
    /// the paper venue), starts the hub at <c>/user/market-data</c> and registers it under <see cref="MarketDataHub"/>;
    /// elsewhere nothing. <paramref name="source"/> is called once, when the step runs (its connection may come from an
    /// earlier step). Before the consumers' steps (venue, markets), which subscribe to it.
    /// </summary>
    public static AkkaConfigurationBuilder WithMarketDataHub(this AkkaConfigurationBuilder akka, Func<IMarketDataSource> source, bool onThisMember,
        MarketDataHubSettings? settings = null, TimeProvider? clock = null) =>
        !onThisMember
            ? akka
            : akka.WithActors((system, registry) =>
                registry.Register<MarketDataHub>(system.ActorOf(MarketDataHub.Props(source(), settings, clock), HubName)));
}
