namespace KalshiArb.Domain.Audit;

/// <summary>What an order journal must never show.</summary>
public enum AuditViolationKind
{
    MissingCreation,
    DuplicateCreation,
    SubmitWithoutApproval,
    SubmitAfterDenial,
    SubmittedTwice,
    AcknowledgedWithoutSubmit,
    FillWithoutSubmit,
    DuplicateTradeId,
    Overfill,
    FillAboveLimit,
    FillAfterTerminal,
    FeeMismatch,
    EventAfterFinal,
    NotTerminal,
    /// <summary>A submit (or a re-send) stamped after OrderCreated.SubmitByMs: a venue call past the signal's horizon.</summary>
    SubmitAfterHorizon,
    /// <summary>SubmitRetried with no SubmitRequested before it.</summary>
    RetryWithoutSubmit,
    /// <summary>SubmitRetried after the venue acknowledged (or filled) the order: it had it, a re-send is wrong.</summary>
    RetryAfterAcknowledged,
    /// <summary>Expired with a horizon reason ("never reached the venue") although the venue acknowledged or filled it.</summary>
    HorizonExpiryAtVenue,
}
