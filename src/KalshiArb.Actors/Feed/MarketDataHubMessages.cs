using System.Collections.Immutable;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Actors.Feed;

// Local messages between the node's MarketDataHub and its consumers (always on the same member: never serialized).

/// <summary>
/// Sent by a consumer (the sender) to the <see cref="MarketDataHub"/>: from now on it is told every <see cref="FeedEvent"/> (alone, or several in a <see cref="FeedEventBatch"/>)
/// and must answer each message with a <see cref="MarketDataAck"/> of its event count. Subscribing again (e.g. after <see cref="MarketDataCut"/>) is allowed.
/// </summary>
public sealed class SubscribeMarketData
{
    public static readonly SubscribeMarketData Instance = new();
}

/// <summary>A consumer took <see cref="Events"/> events: one, or a whole <see cref="FeedEventBatch"/> (the hub's back-pressure counts events).</summary>
public sealed class MarketDataAck(int events)
{
    public static readonly MarketDataAck Instance = new(1);

    public int Events { get; } = events;
}

/// <summary>
/// The hub's answer to <see cref="SubscribeMarketData"/>, before any event. The hub then tells the consumer the current
/// connection (<see cref="FeedConnected"/>) if there is one and asks the source for snapshots of every tracked market, so a
/// consumer that attaches late still gets whole books. <paramref name="SourceCounters"/> reads the source's parse counters.
/// </summary>
public sealed record MarketDataSubscribed(Func<FeedCountersSnapshot?> SourceCounters);

/// <summary>
/// The hub dropped this consumer (it held the source back longer than <see cref="MarketDataHubSettings.SlowConsumerTimeout"/>,
/// or the hub restarted): events after this are missed, so its books are not whole; it subscribes again.
/// </summary>
public sealed record MarketDataCut(string Reason);

/// <summary>A consumer asks the hub for a fresh snapshot of one market (at most one request outstanding per market).</summary>
public sealed record RequestMarketSnapshot(string Ticker);

/// <summary>Ask the <see cref="MarketDataHub"/> for its <see cref="MarketDataHubState"/>.</summary>
public sealed class GetMarketDataHubState
{
    public static readonly GetMarketDataHubState Instance = new();
}

/// <summary>The node's market-data connection for status.</summary>
/// <param name="Connected">The source said connected and has not disconnected or ended since.</param>
/// <param name="Runs">Times the source was materialized (once, plus once per re-run after it ended).</param>
/// <param name="StreamEnds">Times the source ended or failed to start.</param>
/// <param name="Events">Events received from the source (each told to every consumer).</param>
/// <param name="Consumers">Consumers subscribed now.</param>
/// <param name="SlowConsumerCuts">Consumers cut for holding the source back too long.</param>
/// <param name="TrackedMarkets">Markets subscribed on the source (the union of what consumers asked for).</param>
/// <param name="SnapshotRequests">Snapshots asked of the source (consumers' requests and late subscribers').</param>
/// <param name="SourceFailures">Calls into the source (subscribe, snapshot) that threw (logged; a failed subscribe is retried with the next one).</param>
public sealed record MarketDataHubState(
    bool Connected,
    long Runs,
    long StreamEnds,
    long Events,
    int Consumers,
    long SlowConsumerCuts,
    int TrackedMarkets,
    long SnapshotRequests,
    long SourceFailures,
    ImmutableDictionary<FeedRejectReason, long> SourceRejects);
