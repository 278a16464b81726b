namespace KalshiArb.Domain.Paper;

/// <summary>Why the paper fill model refused an operation. A refused operation changes nothing.</summary>
public enum PaperRejectReason
{
    None = 0,

    /// <summary>Limit at or below 0 or at or above $1.</summary>
    InvalidPrice,

    /// <summary>Limit not on the market's price grid.</summary>
    OffPriceGrid,

    /// <summary>Count zero or negative.</summary>
    InvalidCount,

    /// <summary>A count with a fraction ("1.50") on a market that trades whole contracts only.</summary>
    FractionalCount,

    /// <summary>A post-only order that would take liquidity.</summary>
    PostOnlyCross,

    /// <summary>Post-only makes sense only for an order that may rest.</summary>
    PostOnlyRequiresGoodTillCanceled,

    /// <summary>No whole live book to trade against: fail closed rather than invent fills.</summary>
    BookNotWhole,

    /// <summary>Unknown order id, or the order is no longer resting.</summary>
    UnknownOrder,
}
