using Akka;
using Akka.Streams.Dsl;
using KalshiArb.Actors.Feed;

namespace KalshiArb.Adapters.Kalshi.Data;

/// <summary>The Kalshi WebSocket feed as the <see cref="MarketFeed"/>'s source.</summary>
public sealed class KalshiMarketDataSource(KalshiFeed feed) : IMarketDataSource
{
    public Source<FeedEvent, NotUsed> Source() => feed.Source();

    public void AddMarkets(IReadOnlyCollection<string> tickers) => feed.AddMarkets(tickers);

    /// <summary>
    /// The client has no public per-market get_snapshot, so the market is dropped from and re-added to the
    /// subscription: Kalshi answers an add_markets with a snapshot of the added market.
    /// </summary>
    public void RequestSnapshot(string ticker)
    {
        feed.RemoveMarkets([ticker]);
        feed.AddMarkets([ticker]);
    }

    public FeedCountersSnapshot? Counters() => feed.Counters.Snapshot();
}
