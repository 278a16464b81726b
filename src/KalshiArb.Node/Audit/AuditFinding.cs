namespace KalshiArb.Node.Audit;

/// <summary>
/// One violation in an order's journal. <see cref="Kind"/> is a Domain <c>AuditViolationKind</c> name or a
/// <see cref="JournalFaultKind"/> name.
/// </summary>
public sealed record AuditFinding(string Kind, long SequenceNr, string Detail);
