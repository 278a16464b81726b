using KalshiArb.Domain.Risk;

namespace KalshiArb.Domain.Orders;

// The facts of one ExecutionOrder's life, journaled in order. Kept together: each is one line.

/// <summary>Base of every order event. Applied only through <see cref="ExecutionOrderMachine.Apply"/>.</summary>
public abstract record OrderEvent;

/// <summary>
/// First event. <paramref name="ExecutionId"/> is also the Kalshi client_order_id. Price is in the side's own terms.
/// <paramref name="SignalAtMs"/> is when the signal was decided and <paramref name="SubmitByMs"/> the end of its
/// horizon: no venue call is made after it (null only in journals written before horizons existed).
/// <paramref name="StrategyId"/>: the detection strategy whose signal made the order (null in journals written before
/// there were strategies: those orders all came from the consensus strategy).
/// </summary>
public sealed record OrderCreated(
    string ExecutionId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Count,
    string? SignalId = null,
    long? SignalAtMs = null,
    long? SubmitByMs = null,
    string? StrategyId = null) : OrderEvent;

/// <summary><paramref name="Reserved"/>: what the gate set aside for the order.</summary>
public sealed record RiskApproved(Money? Reserved = null) : OrderEvent;

public sealed record RiskDenied(RiskDenialReason Reason) : OrderEvent;

/// <summary>Persisted before the venue call (persist before acting).</summary>
public sealed record SubmitRequested : OrderEvent;

/// <summary>
/// Persisted before sending the same order again (same client id) after the venue said it never saw it; only
/// inside the horizon. A duplicate at the venue answers "already exists", never a second order.
/// </summary>
public sealed record SubmitRetried : OrderEvent;

public sealed record Acknowledged(string ExchangeOrderId) : OrderEvent;

/// <summary>A venue fill. Price in the order's side terms (NO price for a NO order); Fee is this fill's fee.</summary>
public sealed record FillApplied(string TradeId, Quantity Count, Price Price, Money Fee, bool IsTaker) : OrderEvent;

public sealed record CancelRequested(string? Reason = null) : OrderEvent;

/// <summary>
/// The venue says the order is canceled. <paramref name="VenueFilledCount"/>, when known, is the venue's
/// filled count at cancel: fills still in flight up to it are applied afterwards.
/// </summary>
public sealed record Canceled(Quantity? VenueFilledCount = null) : OrderEvent;

public sealed record Rejected(OrderRejectReason Reason, string? Message = null) : OrderEvent;

/// <summary>
/// The order's time ran out: its horizon passed before it reached the venue, or the venue expired it. Same
/// late-fill rule as Canceled.
/// </summary>
public sealed record Expired(Quantity? VenueFilledCount = null, OrderExpiryReason Reason = OrderExpiryReason.Unknown) : OrderEvent;

/// <summary>
/// The market settled. <paramref name="Winner"/> null means a scalar/void settlement at a fair price;
/// <paramref name="Payout"/> is what this order's filled contracts paid.
/// </summary>
public sealed record Settled(OutcomeSide? Winner, Money Payout) : OrderEvent;

public sealed record MarkedNeedsAttention(string Reason) : OrderEvent;
