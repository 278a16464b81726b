namespace KalshiArb.Domain.Orders;

/// <summary>
/// Result of applying one event. When <see cref="Error"/> is set, <see cref="Order"/> is the unchanged input
/// (null only if there was none): the caller counts the error and never applies the event.
/// </summary>
public readonly record struct TransitionResult(ExecutionOrder? Order, TransitionError Error)
{
    public bool IsApplied => Error == TransitionError.None;

    /// <summary>A repeat of something already applied (same trade id, same acknowledgement): harmless, but counted.</summary>
    public bool IsDuplicate => Error is TransitionError.DuplicateTradeId or TransitionError.DuplicateAcknowledgement;
}
