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
}
