namespace KalshiArb.Domain.Matching;

/// <summary>
/// An order as the engine holds it after an operation (maps onto Kalshi's order object / user_orders).
/// Invariant: InitialCount = FilledCount + RemainingCount + CanceledCount. InitialCount changes only by amend.
/// </summary>
public sealed record EngineOrder(
    string OrderId,
    string? ClientOrderId,
    string AccountId,
    OrderSide Side,
    Price YesPrice,
    Quantity InitialCount,
    Quantity FilledCount,
    Quantity RemainingCount,
    Quantity CanceledCount,
    EngineOrderStatus Status,
    EngineCancelReason CancelReason,
    Money TakerFees,
    Money MakerFees,
    TimeInForce TimeInForce,
    SelfTradePrevention SelfTradePrevention,
    bool PostOnly,
    long CreatedTimestampMs,
    long LastUpdateTimestampMs,
    long? ExpirationTimestampMs = null)
{
    public OutcomeSide OutcomeSide => Side.ToOutcomeSide();

    /// <summary>The price in the order's own outcome terms (NO price for an Ask).</summary>
    public Price OutcomePrice => Side == OrderSide.Bid ? YesPrice : YesPrice.Complement;
}
