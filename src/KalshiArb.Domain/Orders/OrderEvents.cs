using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Domain.Orders;

// The facts of one ExecutionOrder's life, journaled in order. Kept together: each is one line.

/// <summary>Base of every order event. Applied only through <see cref="ExecutionOrderMachine.Apply"/>.</summary>
public abstract record OrderEvent;

/// <summary>First event. <paramref name="ExecutionId"/> is also the Kalshi client_order_id. Price is in the side's own terms.</summary>
public sealed record OrderCreated(string ExecutionId, string Ticker, OutcomeSide Side, Price LimitPrice, Quantity Count) : OrderEvent;

public sealed record RiskApproved : OrderEvent;

public sealed record RiskDenied(RiskDenialReason Reason) : OrderEvent;

/// <summary>Persisted before the venue call (persist before acting).</summary>
public sealed record SubmitRequested : OrderEvent;

public sealed record Acknowledged(string ExchangeOrderId) : OrderEvent;

/// <summary>A venue fill. Price in the order's side terms (NO price for a NO order); Fee is this fill's fee.</summary>
public sealed record FillApplied(string TradeId, Quantity Count, Price Price, Money Fee, bool IsTaker) : OrderEvent;

public sealed record CancelRequested : OrderEvent;

/// <summary>
/// The venue says the order is canceled. <paramref name="VenueFilledCount"/>, when known, is the venue's
/// filled count at cancel: fills still in flight up to it are applied afterwards.
/// </summary>
public sealed record Canceled(Quantity? VenueFilledCount = null) : OrderEvent;

public sealed record Rejected(OrderRejectReason Reason) : OrderEvent;

/// <summary>The venue expired the order (or it expired before submission). Same late-fill rule as Canceled.</summary>
public sealed record Expired(Quantity? VenueFilledCount = null) : OrderEvent;

/// <summary>
/// The market settled. <paramref name="Winner"/> null means a scalar/void settlement at a fair price;
/// <paramref name="Payout"/> is what this order's filled contracts paid.
/// </summary>
public sealed record Settled(OutcomeSide? Winner, Money Payout) : OrderEvent;

public sealed record MarkedNeedsAttention(string Reason) : OrderEvent;
