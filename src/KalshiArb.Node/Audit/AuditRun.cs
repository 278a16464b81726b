namespace KalshiArb.Node.Audit;

/// <summary>Every audited order and the totals.</summary>
public sealed record AuditRun(IReadOnlyList<OrderAuditResult> Orders, AuditSummary Summary)
{
    public bool IsClean => Summary.WithViolations == 0;
}
