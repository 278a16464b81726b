namespace KalshiArb.Actors.Feed;

/// <summary>Manifests of the market feed's and catalog's messages: both run as singletons that may live on another node.</summary>
public static class FeedWireManifests
{
    public static IReadOnlyList<(Type Type, string Manifest)> All { get; } =
    [
        (typeof(TrackMarkets), "feed-track-markets.v1"),
        (typeof(MarketsDiscovered), "markets-discovered.v1"),
        (typeof(GetFeedState), "get-feed-state.v1"),
        (typeof(FeedStateView), "feed-state.v1"),
        (typeof(AwaitEventsReceived), "await-feed-events.v1"),
        (typeof(EventsReceivedReached), "feed-events-reached.v1"),
    ];
}
