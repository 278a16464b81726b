namespace KalshiArb.Domain.Odds;

/// <summary>Why a price or a set of prices could not be turned into probabilities.</summary>
public enum OddsRejection
{
    None = 0,
    NotFinite,
    /// <summary>American odds strictly between −100 and +100 do not exist.</summary>
    AmericanInsideMinus100To100,
    /// <summary>Decimal odds must be above 1 (a price of 1 pays nothing).</summary>
    DecimalNotAboveOne,
    UnknownFormat,
    TooFewOutcomes,
    /// <summary>An implied probability outside (0, 1).</summary>
    ImpliedOutOfRange,
    /// <summary>The prices sum below 1: no vig to remove, the line is suspect (stale or mistyped).</summary>
    OverroundBelowOne,
    /// <summary>Additive de-vig would give an outcome a probability ≤ 0.</summary>
    AdditiveNonPositive,
    SolverDidNotConverge,
    UnknownMethod,
}
