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
    /// <summary>A count with a fraction ("1.50") on a market whose fractional_trading_enabled is false.</summary>
    FractionalCountNotAllowed,
}
