using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Admin;

/// <summary>The status document as GET /admin/status answers it; the dashboard embeds the same document.</summary>
public static class AdminStatusQuery
{
    public static async Task<AdminStatusDocument> QueryAsync(AdminTargets t, TimeSpan timeout, CancellationToken ct)
    {
        var status = t.ClusterSystem is { } system
            ? await StatusReporter.QueryClusterAsync(system, t.Feed, t.OddsPoller, t.RiskGate, timeout, ct, t.OpenOrders, t.StatusMemory)
            : await StatusReporter.QueryAsync(t.Feed, t.OddsPoller, t.Orders, t.RiskGate, timeout, ct, t.StatusMemory);
        return AdminStatusDocument.From(status, t.Limits);
    }
}
