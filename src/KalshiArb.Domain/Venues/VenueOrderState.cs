namespace KalshiArb.Domain.Venues;

/// <summary>The venue's current view of one order.</summary>
public sealed record VenueOrderState(
    string ExchangeOrderId,
    string ClientOrderId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    VenueOrderStatus Status,
    Quantity InitialCount,
    Quantity FilledCount,
    Quantity RemainingCount);
