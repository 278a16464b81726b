namespace KalshiArb.Domain.Orders;

/// <summary>
/// Where an order is in its life. Working states: Submitting, Resting, PartiallyFilled, CancelRequested.
/// Terminal (no longer working at the venue): Filled, Canceled, Expired, Rejected, RiskDenied, Settled.
/// Final (accepts nothing more): RiskDenied, Rejected, Settled.
/// </summary>
public enum ExecutionOrderState
{
    Created = 0,
    RiskApproved,
    RiskDenied,
    Submitting,
    Resting,
    PartiallyFilled,
    Filled,
    CancelRequested,
    Canceled,
    Rejected,
    Expired,
    /// <summary>Reconciliation with the venue failed: listed for a person; later reconciled facts may still apply.</summary>
    NeedsAttention,
    Settled,
}

public static class ExecutionOrderStateExtensions
{
    public static bool IsTerminal(this ExecutionOrderState s) => s is ExecutionOrderState.Filled
        or ExecutionOrderState.Canceled or ExecutionOrderState.Expired or ExecutionOrderState.Rejected
        or ExecutionOrderState.RiskDenied or ExecutionOrderState.Settled;

    public static bool IsFinal(this ExecutionOrderState s) => s is ExecutionOrderState.RiskDenied
        or ExecutionOrderState.Rejected or ExecutionOrderState.Settled;

    /// <summary>The order may be live at the venue (or about to be): fills can arrive.</summary>
    public static bool IsWorking(this ExecutionOrderState s) => s is ExecutionOrderState.Submitting
        or ExecutionOrderState.Resting or ExecutionOrderState.PartiallyFilled or ExecutionOrderState.CancelRequested;
}
