using KalshiArb.Domain.Book;
using System.Collections.Immutable;

namespace KalshiArb.Kalshi.Feed;

/// <summary>Everything the Kalshi WebSocket feed emits. Immutable; prices and counts are fixed-point.</summary>
public abstract record FeedEvent
{
    /// <summary>
    /// When the frame that carried this event was received (Unix ms; the recorder's receive time of that frame), set by the
    /// session that parsed it; null for events not from a frame. Downstream times the event by it, live and in a replay alike.
    /// </summary>
    public long? ReceivedAtMs { get; internal set; }
}

/// <summary>The socket is up and subscriptions were sent; snapshots follow.</summary>
public sealed record FeedConnected(DateTimeOffset At) : FeedEvent;

/// <summary>The connection ended (error, close, silence, overflow): every book is no longer whole.</summary>
public sealed record FeedDisconnected(string Reason, DateTimeOffset At) : FeedEvent;

/// <summary>"subscribed": one per channel of a subscribe command.</summary>
public sealed record SubscriptionConfirmed(long CommandId, string Channel, long Sid) : FeedEvent;

/// <summary>"unsubscribed".</summary>
public sealed record SubscriptionEnded(long? CommandId, long Sid) : FeedEvent;

/// <summary>"ok": a command (update_subscription, list_subscriptions) succeeded.</summary>
public sealed record CommandAcknowledged(long? CommandId, long? Sid, ImmutableArray<string> MarketTickers) : FeedEvent;

/// <summary>"error": codes 10, 17, 25 are terminal (we resubscribe), 27 is too many requests (we back off).</summary>
public sealed record FeedCommandError(long? CommandId, int Code, string Message) : FeedEvent
{
    public bool IsTerminal => Code is 10 or 17 or 25;
    public bool IsTooManyRequests => Code == 27;
}

public sealed record BookSnapshot(string MarketTicker, long Sid, long Seq, ImmutableArray<BookLevel> YesBids, ImmutableArray<BookLevel> NoBids) : FeedEvent;

/// <summary>A signed change of one level; a level that reaches zero disappears.</summary>
/// <remarks>Side: which bid ladder (YES bids, or NO bids in NO prices).</remarks>
public sealed record BookDelta(string MarketTicker, long Sid, long Seq, OutcomeSide Side, Price Price, Quantity Delta, long? TsMs) : FeedEvent;

/// <summary>A seq gap on the book's subscription: the book is not whole until the next snapshot (already requested).</summary>
public sealed record BookGap(string MarketTicker, long Sid, long ExpectedSeq, long ReceivedSeq) : FeedEvent;

public sealed record TickerUpdate(string MarketTicker, long Sid, Price? LastPrice, Price? YesBid, Price? YesAsk, Quantity? Volume, Quantity? OpenInterest, long? TsMs) : FeedEvent;

/// <summary>A public trade.</summary>
/// <remarks>TakerSide: the outcome the taker bought; null when the frame has none or an unknown word (counted as
/// <see cref="FeedRejectReason.UnknownTakerSide"/>, the trade itself is kept).</remarks>
public sealed record TradePrint(string MarketTicker, long Sid, string TradeId, Price YesPrice, Price? NoPrice, Quantity Count, OutcomeSide? TakerSide, long? TsMs) : FeedEvent;

/// <summary>Private fill of one of our orders.</summary>
/// <remarks>Outcome: the contract we got (yes/no); Side: the V2 book side (bid = bought YES, ask = sold YES).</remarks>
public sealed record FillReport(string MarketTicker, long Sid, string TradeId, string OrderId, string? ClientOrderId, bool IsTaker,
    OutcomeSide? Outcome, OrderSide? Side, Price YesPrice, Quantity Count, Money Fee, Quantity? PostPosition, long? TsMs) : FeedEvent;

/// <summary>Private order update (user_orders channel).</summary>
public sealed record UserOrderUpdate(string MarketTicker, long Sid, string OrderId, string? ClientOrderId, KalshiOrderStatus Status, string? StatusText,
    OrderSide? Side, Price? YesPrice, Quantity? FillCount, Quantity? RemainingCount, Quantity? InitialCount, long? TsMs) : FeedEvent;

/// <summary>Private position update (market_positions channel). Position &gt; 0 YES, &lt; 0 NO.</summary>
public sealed record MarketPositionUpdate(string MarketTicker, long Sid, Quantity Position, Money? Exposure, Money? RealizedPnl, Money? FeesPaid, long? TsMs) : FeedEvent;

public enum LifecycleEventType { Unknown = 0, Created, Activated, Deactivated, CloseDateUpdated, Determined, Settled }

/// <summary>
/// market_lifecycle_v2. <see cref="SettlementValue"/>: what a YES contract pays, when the event says it. An unknown result
/// word is <see cref="MarketResult.Unknown"/> and counted as <see cref="FeedRejectReason.UnknownResult"/>; the event is kept.
/// </summary>
public sealed record MarketLifecycle(string MarketTicker, long Sid, LifecycleEventType EventType, string RawEventType, MarketResult Result,
    long? CloseTs, long? TsMs) : FeedEvent
{
    public Price? SettlementValue { get; init; }

    /// <summary>
    /// The YES value of a determined or settled market: the settlement value when given, else $1 for result "yes" and
    /// $0 for "no"; null for other events or when neither tells it (a scalar result without its value).
    /// </summary>
    public Price? YesValue =>
        EventType is not (LifecycleEventType.Determined or LifecycleEventType.Settled) ? null
        : SettlementValue is { } value ? value
        : Result.YesValue();
}
