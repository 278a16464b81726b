using System.Globalization;

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
        w.WriteLine(SummaryLine(run.Summary));
    }

    public static string SummaryLine(AuditSummary s)
    {
        var kinds = s.ByKind.Count == 0 ? "" : "; " + string.Join(", ", s.ByKind.Select(k => $"{k.Key}={k.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"audit: {s.Orders} orders, {s.Clean} clean, {s.WithViolations} with violations{kinds}");
    }
}
