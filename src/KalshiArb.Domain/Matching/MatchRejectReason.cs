namespace KalshiArb.Domain.Matching;

/// <summary>Why an operation was refused. A refused operation changes nothing.</summary>
public enum MatchRejectReason
{
    None = 0,
    /// <summary>Price outside (0, 1) exclusive: $0 and $1 cannot trade.</summary>
    InvalidPrice,
    /// <summary>Price not on the market's price_ranges grid.</summary>
    OffPriceGrid,
    /// <summary>Count ≤ 0 (or a decrease/amend amount that is not a valid count).</summary>
    InvalidCount,
    MissingAccount,
    /// <summary>post_only order that would cross (Kalshi 400 invalid_order "post only cross").</summary>
    PostOnlyCross,
    /// <summary>post_only only makes sense for an order that may rest (good_till_canceled).</summary>
    PostOnlyRequiresGoodTillCanceled,
    /// <summary>client_order_id already used by this account (Kalshi 409 order_already_exists).</summary>
    DuplicateClientOrderId,
    /// <summary>No live (resting) order with that id: unknown or already finished (Kalshi 404).</summary>
    UnknownOrder,
    /// <summary>reduce_to not below the remaining count, or an amend count not above the filled count.</summary>
    NotADecrease,
    /// <summary>expiration_time not after the submit time.</summary>
    ExpirationInPast,
}
