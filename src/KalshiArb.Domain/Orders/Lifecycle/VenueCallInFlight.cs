namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>The one venue call an order may have outstanding at a time.</summary>
public enum VenueCallInFlight
{
    None,
    Submit,
    Lookup,
    Fills,
    Cancel,
}
