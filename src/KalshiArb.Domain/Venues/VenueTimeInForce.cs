namespace KalshiArb.Domain.Venues;

/// <summary>Kalshi V2 time in force.</summary>
public enum VenueTimeInForce
{
    GoodTillCanceled,
    ImmediateOrCancel,
    FillOrKill,
}
