using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Node.Live;

/// <summary>
/// Before a live run trades: reads the venue's balance, positions and resting orders and compares the resting
/// orders with the order journal. An order the system does not know (a foreign client_order_id) or one the journal
/// already closed means exposure nobody manages: the start fails. Any venue read error fails too (fail closed).
/// </summary>
public static class StartupReconciliation
{
    /// <summary>The order status filter Kalshi uses for working orders.</summary>
    public const string RestingStatus = "resting";

    public static Task<StartupReconciliationReport> RunAsync(KalshiRestClient rest, IReadOnlyCollection<string> journalOpenExecutionIds,
        IReadOnlySet<string> journalKnownExecutionIds, CancellationToken ct) =>
        RunAsync(rest, journalOpenExecutionIds, journalKnownExecutionIds, allowForeignOrders: false, ct);

    /// <param name="allowForeignOrders">Turns foreign resting orders from a failure into a warning (the operator accepts that exposure).</param>
    public static async Task<StartupReconciliationReport> RunAsync(KalshiRestClient rest, IReadOnlyCollection<string> journalOpenExecutionIds,
        IReadOnlySet<string> journalKnownExecutionIds, bool allowForeignOrders, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(journalOpenExecutionIds);
        ArgumentNullException.ThrowIfNull(journalKnownExecutionIds);
        var findings = new List<ReconciliationFinding>();

        var balance = await rest.GetBalanceAsync(ct).ConfigureAwait(false);
        if (!balance.IsSuccess) findings.Add(VenueError("GET /portfolio/balance", balance.Error));

        var positions = await KalshiRestClient.CollectAllAsync(c => rest.GetPositionsAsync(cursor: c, ct: ct)).ConfigureAwait(false);
        if (!positions.IsSuccess) findings.Add(VenueError("GET /portfolio/positions", positions.Error));
        else findings.AddRange(positions.Value.Where(p => p.Position.Hundredths != 0).Select(PositionFinding));

        var resting = await KalshiRestClient.CollectAllAsync(c => rest.GetOrdersAsync(status: RestingStatus, cursor: c, ct: ct)).ConfigureAwait(false);
        var open = journalOpenExecutionIds.ToHashSet(StringComparer.Ordinal);
        if (!resting.IsSuccess)
        {
            findings.Add(VenueError("GET /portfolio/orders?status=resting", resting.Error));
        }
        else
        {
            // A venue that ignores the status filter must not make finished orders look live.
            foreach (var order in resting.Value.Where(o => !o.IsTerminal))
            {
                if (Classify(order, open, journalKnownExecutionIds, allowForeignOrders) is { } finding) findings.Add(finding);
            }
        }

        var restingByClientId = resting.IsSuccess
            ? resting.Value.Where(o => !o.IsTerminal && !string.IsNullOrEmpty(o.ClientOrderId)).Select(o => o.ClientOrderId!).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var id in open.Order(StringComparer.Ordinal))
        {
            var where = !resting.IsSuccess ? "venue state unknown"
                : restingByClientId.Contains(id) ? "resting at the venue" : "not resting at the venue";
            findings.Add(new ReconciliationFinding(ReconciliationSeverity.Info, ReconciliationFindingKind.JournalOpenOrder, null, null, id,
                $"open in the journal, {where}: OrderActor recovery reconciles it"));
        }

        return new StartupReconciliationReport(
            balance.IsSuccess ? balance.Value.Balance : null,
            positions.IsSuccess ? positions.Value.Count(p => p.Position.Hundredths != 0) : 0,
            resting.IsSuccess ? resting.Value.Count(o => !o.IsTerminal) : 0,
            open.Count,
            findings);
    }

    private static ReconciliationFinding? Classify(KalshiOrder order, HashSet<string> open, IReadOnlySet<string> known, bool allowForeign)
    {
        var id = order.ClientOrderId;
        var what = Describe(order);
        if (string.IsNullOrEmpty(id) || !(known.Contains(id) || open.Contains(id)))
        {
            return new ReconciliationFinding(allowForeign ? ReconciliationSeverity.Warning : ReconciliationSeverity.Fail,
                ReconciliationFindingKind.ForeignRestingOrder, order.Ticker, order.OrderId, NullIfEmpty(id),
                $"{what}: not an order of this system" + (allowForeign ? " (allowed by override: its exposure is not managed)" : "; cancel it or start with the foreign-order override"));
        }
        if (!open.Contains(id))
        {
            return new ReconciliationFinding(ReconciliationSeverity.Fail, ReconciliationFindingKind.FinishedOrderStillResting,
                order.Ticker, order.OrderId, id, $"{what}: the journal says this order finished, the venue has it resting");
        }
        return null; // ours and open: listed once below as a journal-open order
    }

    private static string Describe(KalshiOrder o) =>
        $"resting {o.Side?.ToString() ?? "?"} {o.RemainingCount.ToWire()} @ {(o.YesPrice is { } p ? p.ToWire() : "?")} (yes price)";

    private static ReconciliationFinding PositionFinding(KalshiPosition p) =>
        new(ReconciliationSeverity.Info, ReconciliationFindingKind.VenuePosition, p.Ticker, null, null,
            $"position {p.Position.ToWire()} ({(p.Position.Hundredths > 0 ? "YES" : "NO")}), exposure ${p.Exposure.ToWire()}");

    private static ReconciliationFinding VenueError(string call, KalshiError error) =>
        new(ReconciliationSeverity.Fail, ReconciliationFindingKind.VenueError, null, null, null, $"{call} failed: {error}", error.Kind);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
