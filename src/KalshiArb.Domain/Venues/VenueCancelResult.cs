namespace KalshiArb.Domain.Venues;

public sealed record VenueCancelResult(VenueResultKind Kind, Quantity ReducedBy, string? Message);
