namespace KalshiArb.Kalshi.Errors;

/// <summary>Why a Kalshi call failed, in terms a caller can act on.</summary>
public enum KalshiErrorKind
{
    Unknown = 0,
    Auth,
    InsufficientBalance,
    InvalidPrice,
    InvalidOrder,
    OrderAlreadyExists,
    NotFound,
    MarketInactive,
    RateLimited,
    ServerError,
    /// <summary>No answer within the per-attempt or overall timeout (the request may still have reached Kalshi).</summary>
    Timeout,
    /// <summary>Connection refused/reset before an HTTP status was seen.</summary>
    Transport,
    /// <summary>A 2xx body that did not parse or carried out-of-range numbers.</summary>
    MalformedResponse,
}
