namespace KalshiArb.Kalshi.Feed;

/// <summary>
/// Why a frame was skipped, or (the field-level ones at the end) why one field of a kept event was read as unknown.
/// Each is counted; none stops the feed.
/// </summary>
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

    /// <summary>The frame is not valid UTF-8 (JSON must be; a corrupted ticker byte would become a phantom market).</summary>
    InvalidUtf8,

    /// <summary>A market ticker that does not match <see cref="Model.MarketTickerGrammar"/> (empty, too long, bad characters or shape).</summary>
    InvalidTicker,

    /// <summary>A frame over <see cref="KalshiFeedOptions.MaxFrameBytes"/>: refused unread (and not buffered past the limit).</summary>
    FrameTooLarge,

    /// <summary>A trade's taker_side is neither "yes" nor "no": the trade is kept without a taker side.</summary>
    UnknownTakerSide,

    /// <summary>A lifecycle result that is none of "yes", "no", "scalar" or empty: the event is kept with <see cref="MarketResult.Unknown"/>.</summary>
    UnknownResult,
}
