using System.Globalization;
using KalshiArb.Domain.Pnl;

namespace KalshiArb.Node.Audit;

/// <summary>Human-readable audit: per order a header, the timeline, the violations; then one summary line.</summary>
public static class AuditTextReport
{
    public static void Write(AuditRun run, TextWriter w)
    {
        foreach (var order in run.Orders)
        {
            w.WriteLine($"order {order.ExecutionId}  ticker {order.Ticker ?? "?"}  final {order.FinalState?.ToString() ?? "?"}");
            w.WriteLine($"  fees: {order.Fees.Schedule} ({order.Fees.Source})");
            w.WriteLine($"  {"seq",5}  {"time (UTC)",-24}  {"event",-18}  details");
            foreach (var e in order.Journal.Entries)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {e.SequenceNr,5}  {OrderEventText.Time(e.TimestampMs),-24}  {OrderEventText.Name(e),-18}  {OrderEventText.Details(e)}"));
            if (order.IsClean)
            {
                w.WriteLine("  violations: none");
            }
            else
            {
                w.WriteLine($"  violations: {order.Findings.Count}");
                foreach (var f in order.Findings)
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    seq {f.SequenceNr}: {f.Kind}: {f.Detail}"));
            }
            w.WriteLine();
        }
        WritePnl(run.Pnl, w);
        w.WriteLine(SummaryLine(run.Summary));
    }

    /// <summary>Realized P&amp;L after fees and fees paid: total, per game, per market (open contracts shown, not valued).</summary>
    public static void WritePnl(AuditPnl pnl, TextWriter w)
    {
        w.WriteLine("P&L from fills and settlements (realized after fees):");
        w.WriteLine($"  {"",-8} {"key",-34} {"contracts",10} {"realized",12} {"fees",10}");
        w.WriteLine(PnlRow("total", pnl.Total, showContracts: false));
        foreach (var g in pnl.Games) w.WriteLine(PnlRow("game", g, showContracts: false));
        foreach (var m in pnl.Markets) w.WriteLine(PnlRow("market", m, showContracts: true));
        if (pnl.Refused > 0) w.WriteLine($"  {pnl.Refused} journaled fills or settlements could not be booked");
        w.WriteLine();
    }

    private static string PnlRow(string level, PnlLine line, bool showContracts) =>
        $"  {level,-8} {line.Key,-34} {(showContracts ? line.Contracts.ToWire() : ""),10} {line.Realized.ToWire(),12} {line.Fees.ToWire(),10}";

    public static string SummaryLine(AuditSummary s)
    {
        var kinds = s.ByKind.Count == 0 ? "" : "; " + string.Join(", ", s.ByKind.Select(k => $"{k.Key}={k.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"audit: {s.Orders} orders, {s.Clean} clean, {s.WithViolations} with violations{kinds}");
    }
}
