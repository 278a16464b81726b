namespace KalshiArb.Domain.Venues;

/// <summary>Found (with state), NotFound (the venue never saw it), or an error kind (outcome unknown).</summary>
public sealed record VenueOrderLookup(VenueResultKind Kind, VenueOrderState? Order, string? Message)
{
    public static VenueOrderLookup Found(VenueOrderState order) => new(VenueResultKind.Accepted, order, null);
    public static readonly VenueOrderLookup NotFound = new(VenueResultKind.NotFound, null, null);
}
