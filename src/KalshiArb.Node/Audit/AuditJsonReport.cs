using System.Text.Json;
using KalshiArb.Domain.Pnl;

namespace KalshiArb.Node.Audit;

/// <summary>
/// JSON export: { "orders": [ { execution_id, persistence_id, ticker, final_state, fee_schedule, fee_rule_source,
/// clean, timeline: [ { seq, timestamp_ms, time, event, fields: {…} } ], violations: [ { kind, seq, detail } ] } ],
/// "pnl": { total, games: [], markets: [] (each { key, contracts, cost_basis, realized, fees }), history: [ { timestamp_ms, realized } ], refused },
/// "summary": { orders, clean, with_violations, by_kind: { kind: count } } }. Numbers of money/price/count are wire strings.
/// </summary>
public static class AuditJsonReport
{
    public static void Write(AuditRun run, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("orders");
        foreach (var order in run.Orders) WriteOrder(order, w);
        w.WriteEndArray();

        WritePnl(run.Pnl, w);

        w.WriteStartObject("summary");
        w.WriteNumber("orders", run.Summary.Orders);
        w.WriteNumber("clean", run.Summary.Clean);
        w.WriteNumber("with_violations", run.Summary.WithViolations);
        w.WriteStartObject("by_kind");
        foreach (var (kind, count) in run.Summary.ByKind) w.WriteNumber(kind, count);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePnl(AuditPnl pnl, Utf8JsonWriter w)
    {
        w.WriteStartObject("pnl");
        w.WritePropertyName("total");
        WritePnlLine(pnl.Total, w);
        w.WriteStartArray("games");
        foreach (var g in pnl.Games) WritePnlLine(g, w);
        w.WriteEndArray();
        w.WriteStartArray("markets");
        foreach (var m in pnl.Markets) WritePnlLine(m, w);
        w.WriteEndArray();
        w.WriteStartArray("history");
        foreach (var p in pnl.History)
        {
            w.WriteStartObject();
            w.WriteNumber("timestamp_ms", p.At.ToUnixTimeMilliseconds());
            w.WriteString("realized", p.Realized.ToWire());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("refused", pnl.Refused);
        w.WriteEndObject();
    }

    private static void WritePnlLine(PnlLine line, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("key", line.Key);
        w.WriteString("contracts", line.Contracts.ToWire());
        w.WriteString("cost_basis", line.CostBasis.ToWire());
        w.WriteString("realized", line.Realized.ToWire());
        w.WriteString("fees", line.Fees.ToWire());
        w.WriteEndObject();
    }

    private static void WriteOrder(OrderAuditResult order, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("execution_id", order.ExecutionId);
        w.WriteString("persistence_id", order.Journal.PersistenceId);
        w.WriteString("ticker", order.Ticker);
        w.WriteString("final_state", order.FinalState?.ToString());
        w.WriteString("fee_schedule", order.Fees.Schedule.ToString());
        w.WriteString("fee_rule_source", order.Fees.Source);
        w.WriteBoolean("clean", order.IsClean);
        w.WriteStartArray("timeline");
        foreach (var e in order.Journal.Entries)
        {
            w.WriteStartObject();
            w.WriteNumber("seq", e.SequenceNr);
            w.WriteNumber("timestamp_ms", e.TimestampMs);
            w.WriteString("time", OrderEventText.Time(e.TimestampMs));
            w.WriteString("event", OrderEventText.Name(e));
            w.WriteStartObject("fields");
            foreach (var (k, v) in OrderEventText.Fields(e)) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("violations");
        foreach (var f in order.Findings)
        {
            w.WriteStartObject();
            w.WriteString("kind", f.Kind);
            w.WriteNumber("seq", f.SequenceNr);
            w.WriteString("detail", f.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
