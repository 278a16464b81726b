namespace KalshiArb.Domain.Risk;

/// <summary>
/// Answer to a reservation request: Approved with the reservation, or Denied with a reason.
/// <see cref="Book"/> is the book afterwards (unchanged when denied).
/// </summary>
public sealed record RiskDecision(RiskBook Book, Reservation? Reservation, RiskDenialReason Denial)
{
    public bool IsApproved => Denial == RiskDenialReason.None;
}
