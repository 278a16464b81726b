using KalshiArb.Domain.Primitives;

namespace KalshiArb.Node.Soak;

/// <summary>A fill as the simulator booked it for the account.</summary>
public sealed record VenueBookFill(string TradeId, string OrderId, string? ClientOrderId, string Ticker, Quantity Count);
