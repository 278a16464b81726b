using System.Globalization;
using System.Net;
using System.Text.Json;
using KalshiArb.Domain.Audit;
using KalshiArb.Domain.Pnl;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Audit;

/// <summary>
/// `audit --report FILE.html`: one self-contained HTML file (styles and the chart script inline, nothing fetched) with
/// realized P&amp;L over time as a chart, the invariant results, risk denials and orders that did not trade by reason,
/// and every order's timeline. Money is the journal's wire text; the chart's numbers only place its lines.
/// </summary>
public static class AuditHtmlReport
{
    /// <summary>More points than a chart can show add nothing: the history is thinned evenly, keeping the last.</summary>
    private const int MaxChartPoints = 2000;

    public static void Write(AuditRun run, TextWriter w, DateTimeOffset generatedAt)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine("<title>KalshiArb audit report</title>");
        w.WriteLine("<style>" + WebAssets.Text("dashboard.css") + "</style>");
        w.WriteLine("<script>" + WebAssets.Text("pnl-chart.js") + "</script>");
        w.WriteLine("</head><body>");
        w.WriteLine($"<header><h1>KalshiArb audit report</h1><span class=\"badge {(run.IsClean ? "trading\">CLEAN" : "halted\">VIOLATIONS")}</span>" +
                    $"<span class=\"muted\">{E(AuditTextReport.SummaryLine(run.Summary))} · generated {E(OrderEventText.Time(generatedAt.ToUnixTimeMilliseconds()))}</span></header>");
        w.WriteLine("<main>");
        WritePnl(run.Pnl, w);
        WriteInvariants(run, w);
        WriteReasons(w, "denials-section", "Denials by reason", "risk gate denials journaled by the orders", Denials(run));
        WriteReasons(w, "skips-section", "Orders that did not trade, by reason",
            "expired, rejected and cancel reasons from the journal (a market's skipped evaluations are not journaled: see the node's dashboard)", NotTraded(run));
        WriteTimelines(run, w);
        w.WriteLine("</main>");
        WriteChartScript(run.Pnl, w);
        w.WriteLine("</body></html>");
    }

    private static void WritePnl(AuditPnl pnl, TextWriter w)
    {
        w.WriteLine("<section id=\"pnl-section\" class=\"wide\"><h2>P&amp;L over time</h2>");
        w.WriteLine("<div class=\"figures\">" + Figure("realized after fees", pnl.Total.Realized.ToWire(), Sign(pnl.Total.Realized.ToWire())) +
                    Figure("fees", pnl.Total.Fees.ToWire(), "") + Figure("ledger events", pnl.History.Count.ToString(CultureInfo.InvariantCulture), "") +
                    (pnl.Refused > 0 ? Figure("not booked", pnl.Refused.ToString(CultureInfo.InvariantCulture), "loss") : "") + "</div>");
        w.WriteLine("<div id=\"pnl-chart\" class=\"chart\"></div>");
        w.WriteLine("<p class=\"muted\">Realized only: the journal has no book or fair value to mark open contracts.</p>");
        w.WriteLine("<div class=\"split\">");
        PnlTable(w, "pnl-games", "Games", pnl.Games, contracts: false);
        PnlTable(w, "pnl-markets", "Markets", pnl.Markets, contracts: true);
        w.WriteLine("</div></section>");
    }

    private static void PnlTable(TextWriter w, string id, string caption, IReadOnlyList<PnlLine> lines, bool contracts)
    {
        w.WriteLine($"<table id=\"{id}\"><caption>{caption}</caption><thead><tr><th>{(contracts ? "Market" : "Game")}</th>" +
                    (contracts ? "<th>Contracts</th>" : "") + "<th>Cost basis</th><th>Realized</th><th>Fees</th></tr></thead><tbody>");
        if (lines.Count == 0) w.WriteLine($"<tr><td class=\"muted\" colspan=\"{(contracts ? 5 : 4)}\">none traded</td></tr>");
        foreach (var l in lines)
            w.WriteLine($"<tr><td>{E(l.Key)}</td>" + (contracts ? Num(l.Contracts.ToWire()) : "") + Num(l.CostBasis.ToWire()) +
                        Num(l.Realized.ToWire(), Sign(l.Realized.ToWire())) + Num(l.Fees.ToWire()) + "</tr>");
        w.WriteLine("</tbody></table>");
    }

    /// <summary>Every rule the auditor checks, with how often it was broken: a rule with 0 held for every order.</summary>
    private static void WriteInvariants(AuditRun run, TextWriter w)
    {
        var broken = run.Summary.ByKind.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        var rules = Enum.GetNames<AuditViolationKind>().Concat(Enum.GetNames<JournalFaultKind>()).ToArray();
        w.WriteLine("<section id=\"invariants-section\"><h2>Invariants</h2>");
        w.WriteLine("<div class=\"figures\">" + Figure("orders", run.Summary.Orders.ToString(CultureInfo.InvariantCulture), "") +
                    Figure("clean", run.Summary.Clean.ToString(CultureInfo.InvariantCulture), "gain") +
                    Figure("with violations", run.Summary.WithViolations.ToString(CultureInfo.InvariantCulture), run.Summary.WithViolations > 0 ? "loss" : "") + "</div>");
        w.WriteLine("<table id=\"invariants\"><thead><tr><th>Rule</th><th>Violations</th></tr></thead><tbody>");
        foreach (var rule in rules.Concat(broken.Keys.Except(rules, StringComparer.Ordinal)))
        {
            var n = broken.GetValueOrDefault(rule);
            w.WriteLine($"<tr><td>{E(rule)}</td><td class=\"num {(n == 0 ? "ok" : "loss")}\">{n}</td></tr>");
        }
        w.WriteLine("</tbody></table></section>");
    }

    private static IEnumerable<KeyValuePair<string, int>> Denials(AuditRun run) => Count(run.Orders
        .SelectMany(o => o.Journal.Entries).Select(e => e.Event).OfType<OrderRiskDeniedEvent>().Select(d => d.Reason.ToString()));

    private static IEnumerable<KeyValuePair<string, int>> NotTraded(AuditRun run) => Count(run.Orders
        .SelectMany(o => o.Journal.Entries).Select(e => e.Event switch
        {
            OrderExpiredEvent x => "expired: " + x.Reason,
            OrderRejectedEvent r => "rejected: " + r.Reason,
            OrderCancelRequestedEvent c => "cancel: " + c.Reason,
            _ => null,
        }).OfType<string>());

    private static IEnumerable<KeyValuePair<string, int>> Count(IEnumerable<string> reasons) => reasons
        .GroupBy(r => r, StringComparer.Ordinal)
        .Select(g => KeyValuePair.Create(g.Key, g.Count()))
        .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal);

    private static void WriteReasons(TextWriter w, string id, string title, string note, IEnumerable<KeyValuePair<string, int>> counts)
    {
        w.WriteLine($"<section id=\"{id}\"><h2>{E(title)}</h2><p class=\"muted\">{E(note)}</p>");
        w.WriteLine("<table><thead><tr><th>Reason</th><th>Orders</th></tr></thead><tbody>");
        var any = false;
        foreach (var (reason, n) in counts)
        {
            any = true;
            w.WriteLine($"<tr><td>{E(reason)}</td>{Num(n.ToString(CultureInfo.InvariantCulture))}</tr>");
        }
        if (!any) w.WriteLine("<tr><td class=\"muted\" colspan=\"2\">none</td></tr>");
        w.WriteLine("</tbody></table></section>");
    }

    /// <summary>One collapsible timeline per order; orders with violations come first and open.</summary>
    private static void WriteTimelines(AuditRun run, TextWriter w)
    {
        w.WriteLine("<section id=\"timelines-section\" class=\"wide\"><h2>Order timelines</h2>");
        foreach (var o in run.Orders.OrderBy(o => o.IsClean).ThenBy(o => o.ExecutionId, StringComparer.Ordinal))
        {
            var verdict = o.IsClean ? "<span class=\"ok\">clean</span>" : $"<span class=\"loss\">{o.Findings.Count} violations</span>";
            w.WriteLine($"<details class=\"timeline\"{(o.IsClean ? "" : " open")}><summary><b>{E(o.ExecutionId)}</b> · {E(o.Ticker ?? "?")} · " +
                        $"{E(o.FinalState?.ToString() ?? "?")} · {verdict}</summary>");
            w.WriteLine($"<p class=\"muted\">fees: {E(o.Fees.Schedule.ToString())} ({E(o.Fees.Source)})</p>");
            w.WriteLine("<table><thead><tr><th>Seq</th><th>Time (UTC)</th><th>Event</th><th>Details</th></tr></thead><tbody>");
            foreach (var e in o.Journal.Entries)
                w.WriteLine($"<tr><td class=\"num\">{e.SequenceNr}</td><td>{E(OrderEventText.Time(e.TimestampMs))}</td><td>{E(OrderEventText.Name(e))}</td>" +
                            $"<td>{E(OrderEventText.Details(e))}</td></tr>");
            w.WriteLine("</tbody></table>");
            if (!o.IsClean)
            {
                w.WriteLine("<ul class=\"findings\">");
                foreach (var f in o.Findings) w.WriteLine($"<li class=\"loss\">seq {f.SequenceNr}: <b>{E(f.Kind)}</b>: {E(f.Detail)}</li>");
                w.WriteLine("</ul>");
            }
            w.WriteLine("</details>");
        }
        if (run.Orders.Count == 0) w.WriteLine("<p class=\"muted\">no orders in the journal</p>");
        w.WriteLine("</section>");
    }

    /// <summary>The history as data (JSON escapes '&lt;', so it cannot end the script element) and the call that draws it.</summary>
    private static void WriteChartScript(AuditPnl pnl, TextWriter w)
    {
        var points = Thin(pnl.History).Select(p => new { at = p.At.ToString("O", CultureInfo.InvariantCulture), realized = p.Realized.ToWire(), markedAtMid = (string?)null });
        w.WriteLine("<script type=\"application/json\" id=\"pnl-history\">" + JsonSerializer.Serialize(points) + "</script>");
        w.WriteLine("""
            <script>
            try {
              KalshiArbChart.drawPnl(document.getElementById("pnl-chart"), JSON.parse(document.getElementById("pnl-history").textContent), "Realized P&L over time");
            } catch (e) {
              var d = document.createElement("div"); d.id = "script-error"; d.className = "banner"; d.textContent = "The chart could not be drawn: " + e.message;
              document.body.insertBefore(d, document.body.firstChild);
            }
            </script>
            """);
    }

    private static IReadOnlyList<PnlPoint> Thin(IReadOnlyList<PnlPoint> points)
    {
        if (points.Count <= MaxChartPoints) return points;
        var step = (double)points.Count / MaxChartPoints;
        var thinned = Enumerable.Range(0, MaxChartPoints - 1).Select(i => points[(int)(i * step)]).ToList();
        thinned.Add(points[^1]);
        return thinned;
    }

    private static string Figure(string label, string value, string cls) =>
        $"<span class=\"figure {cls}\"><span class=\"label\">{E(label)}</span><b>{E(value)}</b></span>";

    private static string Num(string value, string cls = "") => $"<td class=\"num {cls}\">{E(value)}</td>";

    private static string Sign(string wire) => wire.StartsWith('-') ? "loss" : wire.Any(c => c is >= '1' and <= '9') ? "gain" : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
