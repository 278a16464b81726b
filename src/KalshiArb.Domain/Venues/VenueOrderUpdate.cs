namespace KalshiArb.Domain.Venues;

/// <summary>The venue says an order changed status (e.g. canceled by the exchange at market close).</summary>
public sealed record VenueOrderUpdate(VenueOrderState Order, long TimestampMs);
