namespace KalshiArb.Domain.Odds;

/// <summary>
/// The consensus fair probability that a team wins. <see cref="Dispersion"/> is max − min of the
/// fresh books' fair values; <see cref="StdDev"/> their population standard deviation.
/// <see cref="OldestUsedUpdate"/> is when the consensus goes stale first.
/// </summary>
public sealed record TeamConsensus(
    double FairProbability,
    int FreshBooks,
    double Dispersion,
    double StdDev,
    DateTimeOffset NewestUpdate,
    DateTimeOffset OldestUsedUpdate,
    IReadOnlyList<BookFairValue> Books,
    IReadOnlyList<DroppedBook> Dropped);
