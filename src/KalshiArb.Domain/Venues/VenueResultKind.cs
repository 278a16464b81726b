namespace KalshiArb.Domain.Venues;

/// <summary>Outcome classes every venue maps its errors into (reason codes for audit and metrics).</summary>
public enum VenueResultKind
{
    Accepted,
    AlreadyExists,
    InsufficientBalance,
    InvalidPrice,
    InvalidOrder,
    MarketInactive,
    NotFound,
    RateLimited,
    AuthFailed,
    ServerError,
}
