namespace KalshiArb.Domain.Detection;

/// <summary>Why a market evaluation produced no signal. Counted per reason by the caller.</summary>
public enum SkipReason
{
    BookNotWhole,
    BookCrossed,
    BookStale,
    OddsStale,
    GameStarted,
    TooFewBooks,
    InvalidFairValue,
    NoBankroll,
    NoLiquidity,

    /// <summary>Fair value minus the ask is below the threshold even before fees.</summary>
    EdgeBelowThreshold,

    /// <summary>The raw edge clears the threshold, but not after Kalshi's fee at the size we would trade.</summary>
    FeesEatEdge,

    /// <summary>Kelly, the per-market cap or the bankroll leave less than the minimum order.</summary>
    SizeBelowMinimum,

    /// <summary>No exit price ≤ 0.99 would cover the entry cost plus the exit fee.</summary>
    BreakEvenImpossible,

    /// <summary>Size and fee did not settle within the iteration bound (defensive; not expected).</summary>
    SizingDidNotConverge,

    /// <summary>The edge is above <see cref="DetectionPolicy.MaxEdge"/>: too good to be true, treated as bad data.</summary>
    EdgeTooGood,

    /// <summary>The sportsbooks' de-vigged probabilities are further apart than <see cref="DetectionPolicy.MaxBookSpread"/>.</summary>
    BooksDisagree,

    /// <summary>A strategy that needs a sportsbook consensus was asked without one.</summary>
    NoConsensus,

    /// <summary>Mean reversion: fewer candles than the lookback plus the one holding the last trade.</summary>
    TooFewCandles,

    /// <summary>Mean reversion: the last trade is older than the tape's allowed age.</summary>
    TapeStale,

    /// <summary>Mean reversion: the last trade is not far enough from the candles' mean to expect it back.</summary>
    NotStretched,
}
