using System.Collections.Immutable;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Actors.Feed;

/// <summary>Ask the <see cref="MarketFeed"/> for its <see cref="FeedStateView"/>.</summary>
public sealed record GetFeedState
{
    public static readonly GetFeedState Instance = new();
}

/// <summary>
/// The market-data feed for status: connection, throughput, what was refused by the parser (per reason) and
/// what the market side ignored (per reason). Times are Unix ms.
/// </summary>
public sealed record FeedStateView(
    bool Connected,
    long? ConnectedSinceMs,
    long? LastDisconnectAtMs,
    string? LastDisconnectReason,
    long Connects,
    long Disconnects,
    long EventsReceived,
    double EventsPerSecond,
    long MarketMessagesSent,
    long Gaps,
    long ResyncRequests,
    int TrackedMarkets,
    ImmutableDictionary<FeedIgnoreReason, long> Ignored,
    ImmutableDictionary<FeedRejectReason, long> ParseRejects)
{
    /// <summary>Tracked books with no snapshot on this connection since their last gap or reconnect: not traded on.</summary>
    public int BooksAwaitingSnapshot { get; init; }
}
