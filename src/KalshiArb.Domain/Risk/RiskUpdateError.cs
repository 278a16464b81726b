namespace KalshiArb.Domain.Risk;

/// <summary>Why a fill/terminal/settlement update was not applied. The book is unchanged; the caller counts it.</summary>
public enum RiskUpdateError
{
    None = 0,
    DuplicateTradeId,
    InvalidFill,
    /// <summary>The fill's ticker or side differs from its reservation's.</summary>
    ReservationMismatch,
    UnknownReservation,
    NoPosition,
    InvalidSettlement,
}
