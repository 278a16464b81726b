namespace KalshiArb.Domain.Audit;

/// <summary>One broken invariant, at the journal position (sequence number) where it shows.</summary>
public sealed record AuditViolation(AuditViolationKind Kind, long SequenceNr, string Detail);
