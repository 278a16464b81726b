namespace KalshiArb.Domain.Venues;

/// <summary>Venue order status as the exchange reports it.</summary>
public enum VenueOrderStatus
{
    Resting,
    Canceled,
    Executed,
}
