namespace KalshiArb.Recording.Index;

/// <summary>
/// One segment in the index: its size when summarized (a different size on disk means the entry is stale), the
/// receive-time range of its records (UTC ticks, and ISO text for people), counts, and the keys seen: market tickers
/// from frames, sport keys from odds snapshots. TornTail names what a scan cut off at its end, if anything.
/// </summary>
public sealed record SegmentSummary(
    string File,
    long SizeBytes,
    long CreatedUtcTicks,
    long FirstReceivedUtcTicks,
    long LastReceivedUtcTicks,
    string? FirstReceivedUtc,
    string? LastReceivedUtc,
    long Records,
    long Blocks,
    long RawBytes,
    IReadOnlyList<string> Markets,
    IReadOnlyList<string> OddsKeys,
    string? TornTail);
