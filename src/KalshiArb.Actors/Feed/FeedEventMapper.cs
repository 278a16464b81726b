using KalshiArb.Actors.Market;
using KalshiArb.Kalshi.Feed;
using KalshiArb.Kalshi.Model;

namespace KalshiArb.Actors.Feed;

public enum FeedEventKind
{
    /// <summary><see cref="FeedMapping.Message"/> goes to the market's actor.</summary>
    Market,
    Connected,
    Disconnected,
    Ignored,
}

/// <summary>What the feed does with one event.</summary>
public readonly record struct FeedMapping(FeedEventKind Kind, ITickerMessage? Message, FeedIgnoreReason? Ignored)
{
    public static FeedMapping ToMarket(ITickerMessage m) => new(FeedEventKind.Market, m, null);
    public static FeedMapping Ignore(FeedIgnoreReason r) => new(FeedEventKind.Ignored, null, r);
}

/// <summary>Turns Kalshi feed events into MarketActor messages. Pure apart from the per-market sequencer.</summary>
public static class FeedEventMapper
{
    private static readonly FeedMapping ConnectedMapping = new(FeedEventKind.Connected, null, null);
    private static readonly FeedMapping DisconnectedMapping = new(FeedEventKind.Disconnected, null, null);

    public static FeedMapping Map(FeedEvent e, long nowMs, MarketSequencer seq) => e switch
    {
        BookDelta d => FeedMapping.ToMarket(new BookDeltaReceived(d.MarketTicker, seq.NextDelta(d.MarketTicker),
            d.Side, d.Price, d.Delta, nowMs)),
        // the levels are already immutable domain levels: passed on without a copy
        BookSnapshot s => FeedMapping.ToMarket(new BookSnapshotReceived(s.MarketTicker, seq.Snapshot(s.MarketTicker),
            s.YesBids.IsDefault ? [] : s.YesBids, s.NoBids.IsDefault ? [] : s.NoBids, nowMs)),
        BookGap g => FeedMapping.ToMarket(new BookInvalidated(g.MarketTicker, BookInvalidation.Gap, nowMs)),
        TradePrint t => FeedMapping.ToMarket(new TradeReceived(t.MarketTicker, t.TradeId, t.YesPrice, t.Count, t.TsMs ?? nowMs)),
        MarketLifecycle l => StatusOf(l.EventType) is { } status
            ? FeedMapping.ToMarket(new MarketStatusChanged(l.MarketTicker, status, l.TsMs ?? nowMs))
            : FeedMapping.Ignore(FeedIgnoreReason.LifecycleWithoutStatus),
        FeedConnected => ConnectedMapping,
        FeedDisconnected => DisconnectedMapping,
        TickerUpdate => FeedMapping.Ignore(FeedIgnoreReason.TickerSummary),
        FillReport or UserOrderUpdate or MarketPositionUpdate => FeedMapping.Ignore(FeedIgnoreReason.AccountEvent),
        _ => FeedMapping.Ignore(FeedIgnoreReason.Control),
    };

    /// <summary>Lifecycle events that change whether the market trades; others (created, close date moved) do not.</summary>
    public static MarketTradingStatus? StatusOf(LifecycleEventType type) => type switch
    {
        LifecycleEventType.Activated => MarketTradingStatus.Open,
        LifecycleEventType.Deactivated => MarketTradingStatus.Paused,
        LifecycleEventType.Determined => MarketTradingStatus.Closed,
        LifecycleEventType.Settled => MarketTradingStatus.Settled,
        _ => null,
    };

    /// <summary>Kalshi's many market status words folded to "does it trade".</summary>
    public static MarketTradingStatus StatusOf(MarketStatus status) => status switch
    {
        MarketStatus.Active or MarketStatus.Open => MarketTradingStatus.Open,
        MarketStatus.Initialized or MarketStatus.Unopened or MarketStatus.Paused or MarketStatus.Inactive => MarketTradingStatus.Paused,
        MarketStatus.Closed or MarketStatus.Determined or MarketStatus.Disputed or MarketStatus.Amended => MarketTradingStatus.Closed,
        MarketStatus.Finalized or MarketStatus.Settled => MarketTradingStatus.Settled,
        _ => MarketTradingStatus.Unknown,
    };
}
