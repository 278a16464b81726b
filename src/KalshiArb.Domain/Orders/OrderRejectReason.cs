namespace KalshiArb.Domain.Orders;

/// <summary>Why the venue (or the path to it) refused an order.</summary>
public enum OrderRejectReason
{
    Unknown = 0,
    InsufficientBalance,
    InvalidPrice,
    InvalidOrder,
    PostOnlyCross,
    /// <summary>409: the client_order_id was used before. Reconcile: the order may exist at the venue.</summary>
    OrderAlreadyExists,
    MarketInactive,
    RateLimited,
    AuthenticationFailed,
    VenueError,
    /// <summary>The risk gate did not answer in time; the order never reached a venue.</summary>
    RiskUnavailable,
}
