using KalshiArb.Domain.Matching;

namespace KalshiArb.Domain.Paper;

/// <summary>
/// A paper order as the model sees it. <paramref name="QueueAhead"/> is the displayed size (plus our own earlier
/// paper orders) still in front of it at its price; zero once it is at the front or finished.
/// Invariant: InitialCount = FilledCount + RemainingCount + CanceledCount.
/// </summary>
public sealed record PaperOrder(
    string OrderId,
    string? ClientOrderId,
    OutcomeSide Side,
    Price Limit,
    TimeInForce TimeInForce,
    Quantity InitialCount,
    Quantity FilledCount,
    Quantity RemainingCount,
    Quantity CanceledCount,
    Quantity QueueAhead,
    EngineOrderStatus Status,
    EngineCancelReason CancelReason,
    Money Fees,
    long CreatedTimestampMs,
    long LastUpdateTimestampMs)
{
    public bool IsResting => Status == EngineOrderStatus.Resting;
}
