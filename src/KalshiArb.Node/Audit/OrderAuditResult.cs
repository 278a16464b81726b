using KalshiArb.Domain.Audit;
using KalshiArb.Domain.Orders;

namespace KalshiArb.Node.Audit;

/// <summary>One audited order: its journal, the fee rule used, the Domain audit and every finding (journal faults first).</summary>
public sealed record OrderAuditResult(
    JournaledOrder Journal,
    string? Ticker,
    FeeRule Fees,
    OrderAuditReport Report,
    IReadOnlyList<AuditFinding> Findings)
{
    public string ExecutionId => Journal.ExecutionId;

    public bool IsClean => Findings.Count == 0;

    public ExecutionOrderState? FinalState => Report.RebuiltState?.State;
}
