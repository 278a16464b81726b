namespace KalshiArb.Actors.OddsFeed;

/// <summary>Manifests of the odds poller's messages: it runs as a singleton that may live on another node.</summary>
public static class OddsFeedWireManifests
{
    public static IReadOnlyList<(Type Type, string Manifest)> All { get; } =
    [
        (typeof(PollSport), "odds-poll-sport.v1"),
        (typeof(GetOddsFeedState), "get-odds-feed-state.v1"),
        (typeof(OddsFeedStateView), "odds-feed-state.v1"),
        (typeof(GetUnmatchedMarkets), "get-unmatched-markets.v1"),
        (typeof(UnmatchedMarkets), "unmatched-markets.v1"),
        (typeof(GetMatchedMarkets), "get-matched-markets.v1"),
        (typeof(MatchedMarkets), "matched-markets.v1"),
    ];
}
