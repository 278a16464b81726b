namespace KalshiArb.Exchange.Markets;

/// <summary>A parsed V2 create-order body. <paramref name="ExpirationTimestampMs"/> is expiration_time (Unix ms), when given.</summary>
public sealed record OrderRequest(
    string Ticker,
    string? ClientOrderId,
    OrderSide Side,
    Price YesPrice,
    Quantity Count,
    TimeInForce TimeInForce,
    SelfTradePrevention SelfTradePrevention,
    bool PostOnly,
    long? ExpirationTimestampMs = null);
