namespace KalshiArb.Domain.Fees;

/// <summary>Why a series' fee fields were refused.</summary>
public enum FeeScheduleError
{
    None = 0,
    UnknownFeeType,
    InvalidMultiplier,
}
