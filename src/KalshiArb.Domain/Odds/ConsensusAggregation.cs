namespace KalshiArb.Domain.Odds;

public enum ConsensusAggregation
{
    Median,
    /// <summary>Weighted median with per-book weights (sharp books such as Pinnacle heaviest).</summary>
    WeightedMedian,
}
