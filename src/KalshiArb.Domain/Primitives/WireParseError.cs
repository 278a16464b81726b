namespace KalshiArb.Domain.Primitives;

/// <summary>Why a wire string was refused. Counted by callers, never thrown on the hot path.</summary>
public enum WireParseError
{
    None = 0,
    Empty,
    NotANumber,
    Negative,
    TooManyDecimals,
    SubTickPrecision,
    OutOfRange,
    OffPriceGrid,
}
