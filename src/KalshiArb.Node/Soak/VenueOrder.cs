namespace KalshiArb.Node.Soak;

/// <summary>An order as the simulator holds it: its client order id and when it reached the venue (Unix ms).</summary>
public sealed record VenueOrder(string OrderId, string? ClientOrderId, string Ticker, long? CreatedMs);
