namespace KalshiArb.Domain.Orders;

/// <summary>Why an event was not applied to an order. The caller counts it and keeps the order unchanged.</summary>
public enum TransitionError
{
    None = 0,
    /// <summary>The first event of an order must be OrderCreated.</summary>
    NotCreated,
    AlreadyCreated,
    /// <summary>OrderCreated with an empty id/ticker, a count ≤ 0 or a limit outside (0, 1).</summary>
    InvalidOrder,
    /// <summary>The event is not allowed in the order's current state.</summary>
    DisallowedTransition,
    /// <summary>A fill whose trade id was already applied: harmless, counted.</summary>
    DuplicateTradeId,
    /// <summary>The fill would take the filled count above the order's count.</summary>
    Overfill,
    /// <summary>A fill after the order was canceled/expired beyond what the venue reported filled, or after a final state.</summary>
    FillAfterTerminal,
    /// <summary>Fill count ≤ 0, price outside [0, 1], negative fee or empty trade id.</summary>
    InvalidFill,
    /// <summary>A fill at a price worse than the order's limit.</summary>
    FillBeyondLimit,
    /// <summary>Acknowledged with an exchange order id different from the one already recorded.</summary>
    ConflictingExchangeOrderId,
    /// <summary>Acknowledged again with the same exchange order id: harmless, counted.</summary>
    DuplicateAcknowledgement,
    /// <summary>Canceled/Expired reporting fewer venue fills than already applied.</summary>
    VenueFillCountBelowApplied,
    /// <summary>Settled for an order that never filled.</summary>
    NothingToSettle,
    /// <summary>Settlement payout inconsistent with the result (winner pays $1 a contract, loser 0) or outside [0, filled × $1].</summary>
    SettlementPayoutMismatch,
    /// <summary>Rejected after fills were applied: the venue cannot reject an order that traded.</summary>
    RejectAfterFill,
}
