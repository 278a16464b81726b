namespace KalshiArb.Domain.Odds;

/// <summary>How a per-team fair probability is built from several books.</summary>
public sealed record ConsensusSettings
{
    /// <summary>A book whose last_update is older than this is stale and dropped (practice: 30–60 min pre-game).</summary>
    public TimeSpan MaxBookAge { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>A last_update further than this in the future is a broken timestamp, not a fresh line.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    public int MinFreshBooks { get; init; } = 2;

    public DevigMethod Method { get; init; } = DevigMethod.Shin;

    public ConsensusAggregation Aggregation { get; init; } = ConsensusAggregation.WeightedMedian;

    /// <summary>Weight per book key; books not listed weigh <see cref="DefaultBookWeight"/>. Pinnacle is the sharpest.</summary>
    public IReadOnlyDictionary<string, double> BookWeights { get; init; } =
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["pinnacle"] = 3.0 };

    public double DefaultBookWeight { get; init; } = 1.0;

    public static ConsensusSettings Default { get; } = new();

    public double WeightOf(string bookKey) =>
        BookWeights.TryGetValue(bookKey, out var w) && double.IsFinite(w) && w > 0 ? w : DefaultBookWeight;
}
