using Akka;
using Akka.Streams.Dsl;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Actors.Feed;

/// <summary>The market-data stream the <see cref="MarketFeed"/> runs: the Kalshi WS feed in production, a test source in specs.</summary>
public interface IMarketDataSource
{
    /// <summary>The endless event stream (reconnects itself); materialized once by the feed actor.</summary>
    Source<FeedEvent, NotUsed> Source();

    /// <summary>Subscribes these markets now and on every reconnect.</summary>
    void AddMarkets(IReadOnlyCollection<string> tickers);

    /// <summary>Asks the exchange for a fresh snapshot of one market (a MarketActor's book broke on its own).</summary>
    void RequestSnapshot(string ticker);

    /// <summary>The source's own parse/filter counters, when it has any.</summary>
    FeedCountersSnapshot? Counters();
}
