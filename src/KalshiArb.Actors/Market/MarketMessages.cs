using KalshiArb.Actors.Serialization;

namespace KalshiArb.Actors.Market;

/// <summary>
/// Manifests of every market-side message that may cross nodes: the "market" shard region and the feed and
/// odds singletons can live on another node than their senders and the status command.
/// </summary>
public static class MarketMessages
{
    public static void Register(ManifestRegistry r)
    {
        r.Register<MarketMetadata>("market-metadata.v1");
        r.Register<BookSnapshotReceived>("book-snapshot.v1");
        r.Register<BookDeltaReceived>("book-delta.v1");
        r.Register<BookInvalidated>("book-invalidated.v1");
        r.Register<BookResyncRequested>("book-resync-requested.v1");
        r.Register<BookConfirmed>("book-confirmed.v1");
        r.Register<TradeReceived>("market-trade.v1");
        r.Register<MarketStatusChanged>("market-status-changed.v1");
        r.Register<ConsensusUpdated>("consensus-updated.v1");
        r.Register<ConsensusWithdrawn>("consensus-withdrawn.v1");
        r.Register<GetMarketState>("get-market-state.v1");
        r.Register<MarketStateView>("market-state.v1");

        r.Register<Feed.TrackMarkets>("feed-track-markets.v1");
        r.Register<Feed.MarketsDiscovered>("markets-discovered.v1");
        r.Register<Feed.GetFeedState>("get-feed-state.v1");
        r.Register<Feed.FeedStateView>("feed-state.v1");

        r.Register<OddsFeed.PollSport>("odds-poll-sport.v1");
        r.Register<OddsFeed.GetOddsFeedState>("get-odds-feed-state.v1");
        r.Register<OddsFeed.OddsFeedStateView>("odds-feed-state.v1");
        r.Register<OddsFeed.GetUnmatchedMarkets>("get-unmatched-markets.v1");
        r.Register<OddsFeed.UnmatchedMarkets>("unmatched-markets.v1");
        r.Register<OddsFeed.GetMatchedMarkets>("get-matched-markets.v1");
        r.Register<OddsFeed.MatchedMarkets>("matched-markets.v1");
    }
}
