namespace KalshiArb.Domain.Venues;

/// <summary>One execution of our order. <paramref name="Price"/> is in <paramref name="Side"/>'s own price.</summary>
public sealed record VenueFill(
    string TradeId,
    string ExchangeOrderId,
    string? ClientOrderId,
    string Ticker,
    OutcomeSide Side,
    Price Price,
    Quantity Count,
    Money Fee,
    bool IsTaker,
    long TimestampMs);
