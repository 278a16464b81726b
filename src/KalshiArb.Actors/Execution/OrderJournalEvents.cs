using System.Text.Json.Serialization;
using KalshiArb.Actors.Persistence;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Execution;

// An order's journal: one event per domain OrderEvent, plus when it happened (and the signal it came from).
// The domain events stay free of Akka and serialization concerns; these carry the tag and the manifest.
// Kept together: each is one line.

/// <summary>
/// Base of every OrderActor event; tagged "order" for the read side, and the event of a decision that opened or ended
/// the order also "order-opened"/"order-ended", which keeps the journal's open-order table (see OpenOrderTags).
/// </summary>
public abstract record OrderJournalEvent : ITaggedEvent
{
    public const string Tag = "order";
    private static readonly string[] OrderTags = [Tag];
    private static readonly string[] OpenedTags = [Tag, OpenOrderTags.Opened];
    private static readonly string[] EndedTags = [Tag, OpenOrderTags.Ended];

    [JsonIgnore]
    public IReadOnlyCollection<string> Tags => OpenOrderChange switch
    {
        OpenOrderChange.Opened => OpenedTags,
        OpenOrderChange.Ended => EndedTags,
        _ => OrderTags,
    };

    /// <summary>Set by the actor on the last event of a decision that opened or ended the order; not serialized.</summary>
    [JsonIgnore]
    public OpenOrderChange OpenOrderChange { get; init; }

    /// <summary>When it happened (Unix ms, the order's clock).</summary>
    public abstract long AtMs { get; init; }

    /// <summary>The domain fact, applied only through ExecutionOrderMachine.</summary>
    public abstract OrderEvent ToDomain();

    /// <summary>The journal form of a decided domain event.</summary>
    public static OrderJournalEvent From(OrderEvent e, long atMs) => e switch
    {
        OrderCreated c => new OrderCreatedEvent(c.ExecutionId, c.SignalId ?? "", c.Ticker, c.Side, c.LimitPrice, c.Count, atMs, c.SignalAtMs, c.SubmitByMs, c.StrategyId),
        RiskApproved a => new OrderRiskApprovedEvent(a.Reserved ?? Money.Zero, atMs),
        RiskDenied d => new OrderRiskDeniedEvent(d.Reason, atMs),
        SubmitRequested => new OrderSubmitRequestedEvent(atMs),
        SubmitRetried => new OrderSubmitRetriedEvent(atMs),
        Acknowledged a => new OrderAcknowledgedEvent(a.ExchangeOrderId, atMs),
        FillApplied f => new OrderFillAppliedEvent(f.TradeId, f.Count, f.Price, f.Fee, f.IsTaker, atMs),
        CancelRequested c => new OrderCancelRequestedEvent(c.Reason ?? "", atMs),
        Canceled c => new OrderCanceledEvent(c.VenueFilledCount, atMs),
        Rejected r => new OrderRejectedEvent(r.Reason, r.Message, atMs),
        Expired x => new OrderExpiredEvent(x.VenueFilledCount, atMs, x.Reason),
        Settled s => new OrderSettledEvent(s.Winner, s.Payout, atMs),
        MarkedNeedsAttention m => new OrderNeedsAttentionEvent(m.Reason, atMs),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "no journal form"),
    };
}

/// <summary>
/// v1 journals lack <paramref name="SignalAtMs"/> and <paramref name="SubmitByMs"/> (no horizon): they read as null; rows
/// written before strategies lack <paramref name="StrategyId"/>: null, read as the consensus strategy.
/// </summary>
public sealed record OrderCreatedEvent(
    string ExecutionId,
    string SignalId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Count,
    long AtMs,
    long? SignalAtMs = null,
    long? SubmitByMs = null,
    string? StrategyId = null) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new OrderCreated(ExecutionId, Ticker, Side, LimitPrice, Count, SignalId, SignalAtMs, SubmitByMs, StrategyId);
}

public sealed record OrderRiskApprovedEvent(Money Reserved, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new RiskApproved(Reserved);
}

public sealed record OrderRiskDeniedEvent(RiskDenialReason Reason, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new RiskDenied(Reason);
}

public sealed record OrderSubmitRequestedEvent(long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new SubmitRequested();
}

public sealed record OrderSubmitRetriedEvent(long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new SubmitRetried();
}

public sealed record OrderAcknowledgedEvent(string ExchangeOrderId, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new Acknowledged(ExchangeOrderId);
}

public sealed record OrderFillAppliedEvent(string TradeId, Quantity Count, Price Price, Money Fee, bool IsTaker, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new FillApplied(TradeId, Count, Price, Fee, IsTaker);
}

public sealed record OrderCancelRequestedEvent(string Reason, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new CancelRequested(Reason);
}

public sealed record OrderCanceledEvent(Quantity? VenueFilledCount, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new Canceled(VenueFilledCount);
}

public sealed record OrderRejectedEvent(OrderRejectReason Reason, string? Message, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new Rejected(Reason, Message);
}

/// <summary>v1 journals lack <paramref name="Reason"/>: it reads as Unknown.</summary>
public sealed record OrderExpiredEvent(Quantity? VenueFilledCount, long AtMs, OrderExpiryReason Reason = OrderExpiryReason.Unknown) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new Expired(VenueFilledCount, Reason);
}

public sealed record OrderSettledEvent(OutcomeSide? Winner, Money Payout, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new Settled(Winner, Payout);
}

public sealed record OrderNeedsAttentionEvent(string Reason, long AtMs) : OrderJournalEvent
{
    public override OrderEvent ToDomain() => new MarkedNeedsAttention(Reason);
}
