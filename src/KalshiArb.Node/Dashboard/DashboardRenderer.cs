using KalshiArb.Domain.Risk;
using KalshiArb.Node.Admin;
using Serilog.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KalshiArb.Node.Dashboard;

/// <summary>
/// One dashboard frame from a <see cref="DashboardView"/>: a pure function, so a test renders it on Spectre's
/// TestConsole and reads what a person would see. Panes: cluster, feed, risk gate (limits used, denials), markets
/// (book top, fair, edge, last skip), P&amp;L, positions, signals and skips, open orders, fills, and the activity log
/// (fills, order ends, warnings).
/// </summary>
public static class DashboardRenderer
{
    private const int MaxRows = 10;

    public static IRenderable Render(DashboardView v)
    {
        var d = v.Status;
        var top = new Grid().AddColumns(3);
        top.AddRow(Cluster(d), Feed(d), Risk(d));
        var middle = new Grid().AddColumns(3);
        middle.AddRow(Pnl(d), Positions(d), Signals(v.Document));
        var bottom = new Grid().AddColumns(2);
        bottom.AddRow(Orders(d), Fills(v.Document));
        return new Rows(Header(v), top, Markets(v.Document), middle, bottom, Activity(v.Activity));
    }

    private static IRenderable Header(DashboardView v)
    {
        var lines = new List<IRenderable>
        {
            new Markup($"[bold]KalshiArb[/] {Markup.Escape(v.Node)} · {v.At:HH:mm:ss} UTC · [dim]{Markup.Escape(DashboardKeys.Hint)}[/]"),
        };
        if (v.Status?.Risk is { } r) lines.Add(new Markup($"kill switch: {KillSwitch(r.KillSwitch)}"));
        else lines.Add(new Markup("kill switch: [yellow]UNKNOWN[/] (the risk gate has not answered)"));
        foreach (var silent in v.Status?.NotAnswering ?? []) lines.Add(new Markup($"[yellow]NO ANSWER[/] {Markup.Escape(silent.Text)}"));
        if (v.StatusProblem is { } problem) lines.Add(new Markup($"[yellow]status unavailable:[/] {Markup.Escape(problem)}"));
        if (DashboardKeys.Question(v.Prompt) is { } question) lines.Add(new Markup($"[bold black on yellow] {Markup.Escape(question)} [/]"));
        if (v.Notice is { } notice) lines.Add(new Markup($"[bold]{Markup.Escape(notice)}[/]"));
        return new Rows(lines);
    }

    private static string KillSwitch(KillSwitchState s) => s switch
    {
        KillSwitchState.Trading => "[green]trading[/]",
        KillSwitchState.ReduceOnly => "[yellow]REDUCE-ONLY[/]",
        _ => $"[bold red]{Markup.Escape(AdminStatusText.KillSwitchWord(s))}[/]",
    };

    private static Panel Pane(string title, IRenderable body) =>
        new(body) { Header = new PanelHeader($" {title} "), Border = BoxBorder.Rounded, Expand = true };

    private static Panel Pane(string title, IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines);
        return Pane(title, new Text(text.Length == 0 ? "-" : text));
    }

    private static Panel Waiting(string title, string component) => Pane(title, new Markup($"[dim]{Markup.Escape(component)} has not answered yet[/]"));

    private static Panel Cluster(AdminStatusDocument? d)
    {
        if (d?.Cluster is not { } c) return Waiting("Cluster", "the cluster");
        var lines = new List<string>();
        foreach (var m in c.Members.Take(MaxRows))
        {
            lines.Add($"{HostPort(m.Address)} {m.Status}{(m.Reachable ? "" : " UNREACHABLE")}{(m.Address == c.Leader ? ", leader" : "")}" +
                      (m.Address == c.Self ? ", this node" : ""));
            lines.Add($"  roles {string.Join(",", m.Roles)}");
        }
        foreach (var desk in c.UnansweredOrderDesks) lines.Add($"{HostPort(desk)} order desk NO ANSWER");
        return Pane($"Cluster {c.Members.Count(m => m.Status == "Up")}/{c.Members.Count} up", lines);
    }

    private static Panel Feed(AdminStatusDocument? d)
    {
        var lines = new List<string>();
        if (d?.Feed is { } f)
        {
            lines.Add($"{(f.Connected ? "connected" : "DISCONNECTED")}, {f.EventsPerSecond:F0} events/s");
            lines.Add($"markets {f.TrackedMarkets}, gaps {f.Gaps}, resyncs {f.ResyncRequests}");
            lines.Add($"books awaiting snapshot {f.BooksAwaitingSnapshot}");
            lines.Add($"connects {f.Connects}, disconnects {f.Disconnects}" + (f.LastDisconnectReason is { } why ? $" (last: {why})" : ""));
        }
        else lines.Add("the feed has not answered yet");
        if (d?.Odds is { } o)
            lines.Add($"odds matched {o.MatchedMarkets}, unmatched {o.UnmatchedMarkets}, consensus {o.ConsensusSent}" +
                      (o.QuotaRemaining is { } q ? $", quota {q}" : ""));
        return Pane("Feed", lines);
    }

    private static Panel Risk(AdminStatusDocument? d)
    {
        if (d?.Risk is not { } r) return Waiting("Risk gate", "the risk gate");
        var l = r.Limits;
        var lines = new List<string>();
        if (r.Outage is { } outage) lines.Add($"UNAVAILABLE: {outage.Summary}");
        lines.Add($"balance {r.Balance}, available {r.AvailableBalance}");
        lines.Add($"reserved {r.Reserved} in {r.Reservations} reservations");
        lines.Add($"exposure {r.TotalExposure}{Of(l?.MaxTotalExposure)}, markets {r.OpenMarkets}{Of(l?.MaxOpenMarkets.ToString())}");
        lines.Add($"realized today {r.RealizedToday}{(l is null ? "" : $" (loss limit {l.DailyLossLimit})")}");
        lines.Add($"loss streak {r.LossStreak}{Of(l?.LossStreakLimit.ToString())}" + (r.CooldownUntil is { } c ? $", cooling down until {c:HH:mm:ss}" : ""));
        if (l is not null) lines.Add($"per market max {l.MaxExposurePerMarket} / {l.MaxContractsPerMarket} contracts, {l.MaxOrdersPerMinute} orders/min");
        lines.Add(r.DenialCounts.Count == 0 ? "denials: none" : "denials: " + Counts(r.DenialCounts.ToDictionary(kv => kv.Key, kv => (long)kv.Value)));
        return Pane($"Risk gate: {AdminStatusText.KillSwitchWord(r.KillSwitch)}", lines);
    }

    private static Panel Pnl(AdminStatusDocument? d)
    {
        if (d?.Pnl is not { } p) return Pane("P&L", new Markup("[dim]not reported by this node[/]"));
        var table = Table("", "realized", "fees", "at mid", "at fair");
        foreach (var line in new[] { p.Total }.Concat(p.Games.Take(MaxRows / 2)))
            Row(table, line.Key, line.Realized, line.Fees, line.UnrealizedAtMid ?? "n/a", line.UnrealizedAtFair ?? "n/a");
        return Pane("P&L (unrealized at mid / fair)", table);
    }

    private static Panel Positions(AdminStatusDocument? d)
    {
        if (d?.Risk is not { } r) return Waiting("Positions", "the risk gate");
        if (r.Positions.Count == 0) return Pane("Positions", ["no open positions"]);
        var table = Table("market", "contracts", "cost");
        foreach (var p in r.Positions.Take(MaxRows)) Row(table, p.Ticker, p.Contracts, p.CostBasis);
        return Pane($"Positions ({r.Positions.Count})", table);
    }

    private static Panel Signals(AdminDashboardDocument? doc)
    {
        if (doc?.Status.Signals is not { } s) return Waiting("Signals and skips", "signal admission");
        var lines = new List<string> { $"admitted {s.Admitted}: new orders {s.Placed}, repeats {s.Repeated}" };
        if (s.Refused.Count > 0) lines.Add("refused: " + Counts(s.Refused));
        if (s.NotPlaced.Count > 0) lines.Add("not placed: " + Counts(s.NotPlaced));
        if (doc.Markets is { } m)
        {
            lines.Add(m.SkipsByReason.Count == 0 ? "skipped: none" : "skipped: " + Counts(m.SkipsByReason));
            if (m.BlockedByReason.Count > 0) lines.Add("blocked: " + Counts(m.BlockedByReason));
        }
        foreach (var sig in doc.RecentSignals?.Lines.Take(MaxRows / 2) ?? [])
            lines.Add($"{sig.At:HH:mm:ss} {sig.Ticker} {sig.Side} {sig.Count} @ {sig.LimitPrice} edge {sig.Edge}: {sig.Outcome}");
        return Pane("Signals and skips", lines);
    }

    private static Panel Markets(AdminDashboardDocument? doc)
    {
        if (doc?.Markets is not { } m) return Waiting("Markets", "the markets");
        var table = Table("market", "status", "yes bid", "yes ask", "no bid", "no ask", "fair yes", "books", "yes edge", "no edge", "signals", "last skip");
        foreach (var l in m.Lines.Take(MaxRows * 2))
            Row(table, l.Ticker, l.BookWhole ? l.Status.ToString() : $"{l.Status}, awaiting snapshot", Top(l.YesBid), Top(l.YesAsk), Top(l.NoBid),
                Top(l.NoAsk), l.FairYes ?? "-", l.ConsensusBooks.ToString(), l.YesEdge ?? "-", l.NoEdge ?? "-", l.SignalsSent.ToString(), l.LastSkip ?? "");
        var title = $"Markets: {m.Matched} matched" + (m.Lines.Count < m.Matched ? $", {m.Lines.Count} shown" : "") +
                    (m.NotAnswering > 0 ? $", {m.NotAnswering} NOT ANSWERING" : "");
        return Pane(title, table);
    }

    private static string Top(AdminBookTop? top) => top is null ? "-" : $"{top.Price} x{top.Size}";

    private static Panel Fills(AdminDashboardDocument? doc)
    {
        if (doc?.RecentFills is not { } f) return Waiting("Fills", "the order desks");
        if (f.Lines.Count == 0) return Pane("Fills", ["no fills yet"]);
        var table = Table("time", "market", "side", "count", "price", "fee", "", "order");
        foreach (var l in f.Lines.Take(MaxRows))
            Row(table, $"{l.At:HH:mm:ss}", l.Ticker, l.Side.ToString(), l.Count, l.Price, l.Fee, l.Liquidity, Short(l.ExecutionId ?? l.ExchangeOrderId));
        return Pane("Fills (newest first)", table);
    }

    private static Panel Orders(AdminStatusDocument? d)
    {
        if (d is null) return Waiting("Orders", "the order desk");
        var o = d.Orders;
        var table = Table("order", "market", "state");
        foreach (var line in o.Open.Take(MaxRows)) Row(table, Short(line.ExecutionId), line.Ticker, line.State.ToString());
        foreach (var line in o.NeedsAttention.Take(MaxRows))
            Row(table, Short(line.ExecutionId), line.Ticker, $"{line.State} ATTENTION: {line.AttentionReason ?? "no reason given"}");
        var summary = new Text($"tracked {o.Tracked}, open {o.Open.Count}, attention {o.NeedsAttention.Count}\n" +
                               (o.Ended.Count == 0 ? "ended: none" : "ended: " + Counts(o.Ended)));
        return Pane("Orders", o.Open.Count + o.NeedsAttention.Count == 0 ? summary : new Rows(summary, table));
    }

    private static Panel Activity(IReadOnlyList<Hosting.RecentLogLine> activity)
    {
        if (activity.Count == 0) return Pane("Order ends, fills and warnings (log)", ["nothing yet"]);
        var lines = activity.TakeLast(MaxRows + 2).Select(a =>
        {
            var text = $"{a.At:HH:mm:ss} {Markup.Escape(a.Text)}";
            return a.Level >= LogEventLevel.Warning ? $"[yellow]{text}[/]" : text;
        });
        return Pane("Order ends, fills and warnings (log)", new Markup(string.Join('\n', lines)));
    }

    private static Table Table(params string[] columns)
    {
        var t = new Table { Border = TableBorder.None, ShowHeaders = true };
        foreach (var c in columns) t.AddColumn(new TableColumn(new Text(c, new Style(decoration: Decoration.Dim))));
        return t;
    }

    private static void Row(Table t, params string[] cells) => t.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    /// <summary>"127.0.0.1:4053" from "akka.tcp://kalshiarb@127.0.0.1:4053": every member has the same system name.</summary>
    private static string HostPort(string address) => address[(address.IndexOf('@') + 1)..];

    private static string Of(string? limit) => limit is null ? "" : $" of {limit}";

    private static string Short(string executionId) => executionId.Length > 8 ? executionId[..8] : executionId;

    private static string Counts(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
}
