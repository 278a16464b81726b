namespace KalshiArb.Domain.Audit;

/// <summary>One order's timeline as journaled, the state the state machine rebuilds from it, and what is wrong.</summary>
public sealed record OrderAuditReport(
    string ExecutionId,
    IReadOnlyList<AuditedEvent> Timeline,
    ExecutionOrder? RebuiltState,
    int RefusedTransitions,
    IReadOnlyList<AuditViolation> Violations)
{
    public bool IsClean => Violations.Count == 0;
}
