using System.Collections.Immutable;
using KalshiArb.Domain.Book;

namespace KalshiArb.Actors.Venues.Paper;

/// <summary>Ask the <see cref="PaperVenueFeed"/> for its <see cref="PaperFeedState"/>.</summary>
public sealed record GetPaperFeedState
{
    public static readonly GetPaperFeedState Instance = new();
}

/// <summary>
/// The paper feed for status. Every received event lands in exactly one bucket:
/// EventsReceived = EventsApplied + Σ Skipped(events) + Σ BookRefusals + VenueFailures
/// (<see cref="PaperFeedSkipReason.InvalidMarketRules"/> counts discovered markets, not events).
/// </summary>
/// <param name="Connected">The source said connected and has not disconnected or ended since.</param>
/// <param name="EventsApplied">Events acted on: book updates applied, trades, gaps, lifecycle changes, connection changes.</param>
/// <param name="Markets">Markets the feed follows or has seen a book for, sorted.</param>
/// <param name="ConfiguredMarkets">Markets given their own price grid and fee rule from discovery.</param>
/// <param name="Invalidations">Books marked not whole (gap, disconnect or source end, cut, refused update).</param>
/// <param name="SnapshotRequests">Snapshots asked of the source (at most one outstanding per market).</param>
/// <param name="Cuts">Times the node's market-data hub cut this feed as a slow consumer (books invalidated, resubscribed).</param>
/// <param name="VenueFailures">Events whose venue call threw (logged, skipped).</param>
/// <param name="BookRefusals">Snapshots and deltas the paper book refused, per reason.</param>
public sealed record PaperFeedState(
    bool Connected,
    long EventsReceived,
    long EventsApplied,
    ImmutableArray<string> Markets,
    int ConfiguredMarkets,
    long Invalidations,
    long Gaps,
    long SnapshotRequests,
    long Cuts,
    long VenueFailures,
    ImmutableDictionary<BookUpdateResult, long> BookRefusals,
    ImmutableDictionary<PaperFeedSkipReason, long> Skipped);
