namespace KalshiArb.Exchange.Markets;

/// <summary>Why the exchange refused a request; each maps to one Kalshi HTTP status and error code.</summary>
public enum ExchangeRejectCode
{
    None = 0,
    InvalidParameters,
    InvalidPrice,
    PostOnlyCross,
    InsufficientBalance,
    OrderAlreadyExists,
    NotFound,
    MarketInactive,
    /// <summary>A well-formed order the exchange will not take (e.g. expiration_time already past).</summary>
    InvalidOrder,
}
