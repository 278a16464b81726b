namespace KalshiArb.Domain.Odds;

public enum ConsensusRejection
{
    None = 0,
    NoBooks,
    /// <summary>After dropping stale, future-dated and unusable lines, fewer than MinFreshBooks remain.</summary>
    TooFewFreshBooks,
    InvalidSettings,
}
