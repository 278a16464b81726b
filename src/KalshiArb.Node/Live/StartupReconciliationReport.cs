using System.Text;
using KalshiArb.Domain.Primitives;

namespace KalshiArb.Node.Live;

/// <summary>What the venue holds at start-up against what the journal knows. Passed when nothing is a Fail.</summary>
public sealed record StartupReconciliationReport(
    Money? Balance,
    int PositionCount,
    int RestingOrderCount,
    int JournalOpenCount,
    IReadOnlyList<ReconciliationFinding> Findings)
{
    public bool Passed => Findings.All(f => f.Severity != ReconciliationSeverity.Fail);

    public IEnumerable<ReconciliationFinding> Failures => Findings.Where(f => f.Severity == ReconciliationSeverity.Fail);

    public IEnumerable<ReconciliationFinding> Warnings => Findings.Where(f => f.Severity == ReconciliationSeverity.Warning);

    /// <summary>A few lines for the log: verdict and counts first, then every finding, failures first.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("startup reconciliation: ").Append(Passed ? "PASSED" : "FAILED")
            .Append(" (balance ").Append(Balance is { } b ? "$" + b.ToWire() : "unknown")
            .Append(", ").Append(PositionCount).Append(" positions")
            .Append(", ").Append(RestingOrderCount).Append(" resting orders")
            .Append(", ").Append(JournalOpenCount).Append(" journal-open orders")
            .Append(", ").Append(Failures.Count()).Append(" failures")
            .Append(", ").Append(Warnings.Count()).Append(" warnings)");
        foreach (var f in Findings.OrderByDescending(f => f.Severity))
            sb.AppendLine().Append("  ").Append(f);
        return sb.ToString();
    }

    public override string ToString() => ToText();
}
