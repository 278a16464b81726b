namespace KalshiArb.Node.Audit;

/// <summary>Totals over an audit run; <see cref="ByKind"/> counts findings per kind, sorted by kind name.</summary>
public sealed record AuditSummary(int Orders, int Clean, int WithViolations, IReadOnlyList<KeyValuePair<string, int>> ByKind)
{
    public static AuditSummary Of(IReadOnlyList<OrderAuditResult> orders) => new(
        orders.Count,
        orders.Count(o => o.IsClean),
        orders.Count(o => !o.IsClean),
        orders.SelectMany(o => o.Findings)
            .GroupBy(f => f.Kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .ToArray());
}
