namespace KalshiArb.Node.Audit;

/// <summary>Every audited order and the totals.</summary>
public sealed record AuditRun(IReadOnlyList<OrderAuditResult> Orders, AuditSummary Summary)
{
    /// <summary>Realized P&amp;L and fees per market, game and in total from the audited orders' fills and settlements.</summary>
    public AuditPnl Pnl { get; init; } = AuditPnl.Of(Orders.Select(o => o.Journal));

    public bool IsClean => Summary.WithViolations == 0;
}
