namespace KalshiArb.Actors.Feed;

/// <summary>Feed events the market side does not turn into a MarketActor message, counted per reason.</summary>
public enum FeedIgnoreReason
{
    /// <summary>Private account events (fills, orders, positions): the execution side's business.</summary>
    AccountEvent,

    /// <summary>Subscription bookkeeping (subscribed, ok, error, unsubscribed).</summary>
    Control,

    /// <summary>Ticker summaries: the book itself is the source of prices here.</summary>
    TickerSummary,

    /// <summary>A lifecycle event that does not change whether the market trades (created, close date moved, unknown).</summary>
    LifecycleWithoutStatus,
}
