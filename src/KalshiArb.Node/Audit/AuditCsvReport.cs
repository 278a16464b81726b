using System.Globalization;

namespace KalshiArb.Node.Audit;

/// <summary>
/// CSV export (RFC 4180 quoting), one header row then one row per journal event and one per violation:
/// <c>record,execution_id,ticker,seq,timestamp_ms,time_utc,event,details,kind,detail</c>.
/// record = "event" (event, details = "k=v k=v" fields; kind/detail empty) or "violation" (kind, detail;
/// event/details/time empty). seq is the journal sequence number the row refers to.
/// </summary>
public static class AuditCsvReport
{
    public static readonly string[] Columns = ["record", "execution_id", "ticker", "seq", "timestamp_ms", "time_utc", "event", "details", "kind", "detail"];

    public static void Write(AuditRun run, TextWriter w)
    {
        Row(w, Columns);
        foreach (var order in run.Orders)
        {
            foreach (var e in order.Journal.Entries)
            {
                Row(w, ["event", order.ExecutionId, order.Ticker ?? "", N(e.SequenceNr), N(e.TimestampMs), OrderEventText.Time(e.TimestampMs),
                    OrderEventText.Name(e), OrderEventText.Details(e), "", ""]);
            }
            foreach (var f in order.Findings)
                Row(w, ["violation", order.ExecutionId, order.Ticker ?? "", N(f.SequenceNr), "", "", "", "", f.Kind, f.Detail]);
        }
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Row(TextWriter w, IReadOnlyList<string> cells)
    {
        w.Write(string.Join(',', cells.Select(Quote)));
        w.Write("\r\n");
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
