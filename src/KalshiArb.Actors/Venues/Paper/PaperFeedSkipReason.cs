namespace KalshiArb.Actors.Venues.Paper;

/// <summary>Feed events (or discovered markets) the paper feed did not apply to the venue, counted per reason.</summary>
public enum PaperFeedSkipReason
{
    /// <summary>
    /// A public trade without a taker side (none in the frame, or a word other than yes/no, which the parser also counts as
    /// <c>FeedRejectReason.UnknownTakerSide</c>): the paper queue cannot tell which bids it hit.
    /// </summary>
    TradeWithoutTakerSide,

    /// <summary>A lifecycle event that does not change whether the market trades (created, close date moved, unknown).</summary>
    LifecycleWithoutEffect,

    /// <summary>Settled without a yes/no result (e.g. scalar, whose value the event does not carry): closed, not paid out.</summary>
    SettlementValueUnknown,

    /// <summary>Ticker summaries: the paper book follows the order book itself.</summary>
    TickerSummary,

    /// <summary>Private account events (fills, orders, positions) of the real account: not paper business.</summary>
    AccountEvent,

    /// <summary>Subscription bookkeeping (subscribed, ok, error, unsubscribed).</summary>
    Control,

    /// <summary>Discovered metadata whose price ranges or fee rule could not be built: the market keeps the venue defaults.</summary>
    InvalidMarketRules,
}
