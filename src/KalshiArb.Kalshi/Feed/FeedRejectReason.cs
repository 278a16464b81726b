namespace KalshiArb.Kalshi.Feed;

/// <summary>Why a frame was skipped. Each is counted; none stops the feed.</summary>
public enum FeedRejectReason
{
    None = 0,
    InvalidJson,
    NotAnObject,
    MissingType,
    UnknownType,
    MissingField,
    WrongFieldType,
    InvalidPrice,
    InvalidQuantity,
    InvalidMoney,
    InvalidSide,
    /// <summary>A market outside the configured series (exact series match).</summary>
    ForeignSeries,
    /// <summary>A book message whose seq was already seen on its subscription.</summary>
    StaleSeq,
}
