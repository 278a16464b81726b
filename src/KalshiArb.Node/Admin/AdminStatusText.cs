using System.Text;
using KalshiArb.Domain.Risk;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Admin;

/// <summary>The `status` command's readable summary: kill switch first, since it is what a person checks first.</summary>
public static class AdminStatusText
{
    public static string Render(AdminStatusDocument d)
    {
        var s = new StringBuilder();
        var r = d.Risk;
        s.AppendLine(r is null ? "kill switch: UNKNOWN (the risk gate has not answered)" : $"kill switch: {KillSwitchWord(r.KillSwitch)}");
        foreach (var silent in d.NotAnswering) s.AppendLine($"NO ANSWER    {silent.Text}");
        // Right under the kill switch: while the gate is down every order is refused, whatever the switch says.
        if (r?.Outage is { } outage)
            s.AppendLine($"risk UNAVAILABLE: {outage.Summary} (restarts {outage.Restarts}, since {outage.Since:u}; risk figures below are the last seen)");
        if (d.Cluster is { } cluster)
        {
            s.AppendLine($"cluster:     {cluster.Members.Count(m => m.Status == "Up")} of {cluster.Members.Count} members up, leader {cluster.Leader ?? "none"}, this node {cluster.Self}");
            foreach (var m in cluster.Members)
                s.AppendLine($"  node       {m.Address} [{string.Join(",", m.Roles)}] {m.Status}{(m.Reachable ? "" : " UNREACHABLE")}");
            foreach (var n in cluster.UnansweredOrderDesks)
                s.AppendLine($"  NO ANSWER  order desk of {n}: its orders are missing below");
        }
        if (d.Feed is { } f)
            s.AppendLine($"feed:        {(f.Connected ? "up" : "DOWN")}, {f.EventsPerSecond:F0} ev/s, {f.TrackedMarkets} markets, " +
                         $"gaps {f.Gaps}, resyncs {f.ResyncRequests}, disconnects {f.Disconnects}" +
                         (f.BooksAwaitingSnapshot > 0 ? $", {f.BooksAwaitingSnapshot} books awaiting snapshot" : "") +
                         (f.LastDisconnectReason is { } why ? $" (last: {why})" : ""));
        if (d.Odds is { } odds)
            s.AppendLine($"odds:        matched {odds.MatchedMarkets}, unmatched {odds.UnmatchedMarkets}, consensus sent {odds.ConsensusSent}" +
                         (odds.QuotaRemaining is { } q ? $", quota left {q}" : ""));
        if (d.Signals is { } sig)
            s.AppendLine($"signals:     admitted {sig.Admitted} (new orders {sig.Placed}, repeats {sig.Repeated})" +
                         (sig.Refused.Count > 0 ? ", refused " + Counts(sig.Refused) : "") +
                         (sig.NotPlaced.Count > 0 ? ", not placed " + Counts(sig.NotPlaced) : ""));
        s.AppendLine($"orders:      tracked {d.Orders.Tracked}, open {d.Orders.Open.Count}, needing attention {d.Orders.NeedsAttention.Count}");
        if (d.Orders.Ended.Count > 0) s.AppendLine("  ended      " + Counts(d.Orders.Ended));
        if (d.OpenOrders is { } w)
            s.AppendLine(w.LastError is { } unreadable
                ? $"  OPEN-ORDER TABLE UNREADABLE: {unreadable} (unfinished orders are not restarted until it reads again)"
                : $"  restarts   open-order table read {w.Sweeps} times, lists {w.Listed}");
        foreach (var o in d.Orders.Open)
            s.AppendLine($"  open       {o.ExecutionId} {o.Ticker} {o.State}{(o.ExchangeOrderId is { } x ? $" exchange {x}" : "")}");
        foreach (var o in d.Orders.NeedsAttention)
            s.AppendLine($"  ATTENTION  {o.ExecutionId} {o.Ticker} {o.State}: {o.AttentionReason ?? "no reason given"}");
        if (d.Pnl is { } pnl) RenderPnl(s, pnl);
        if (r is not null) RenderRisk(s, r);
        return s.ToString();
    }

    /// <summary>The total, then every game and every market still holding contracts ("?" where a mark is missing).</summary>
    private static void RenderPnl(StringBuilder s, AdminPnlStatus p)
    {
        s.AppendLine($"pnl:         realized {p.Total.Realized}, at mid {StatusReporter.NodeStatus.MarkedAtMid(p) ?? "?"}, fees {p.Total.Fees}" +
                     $" (unrealized at mid {p.Total.UnrealizedAtMid ?? "?"}, at fair {p.Total.UnrealizedAtFair ?? "?"})");
        foreach (var g in p.Games)
            s.AppendLine($"  game       {g.Key}: realized {g.Realized}, fees {g.Fees}, unrealized at mid {g.UnrealizedAtMid ?? "?"}, at fair {g.UnrealizedAtFair ?? "?"}");
        foreach (var m in p.Markets.Where(m => m.Contracts != "0.00"))
            s.AppendLine($"  position   {m.Key} {m.Contracts}: realized {m.Realized}, unrealized at mid {m.UnrealizedAtMid ?? "?"}, at fair {m.UnrealizedAtFair ?? "?"}");
    }

    private static void RenderRisk(StringBuilder s, AdminRiskStatus r)
    {
            var l = r.Limits;
        s.AppendLine($"risk:        balance {r.Balance} (available {r.AvailableBalance}), reserved {r.Reserved} in {r.Reservations} reservations");
        s.AppendLine($"  exposure   {r.TotalExposure}{(l is null ? "" : $" of {l.MaxTotalExposure}")}, open markets {r.OpenMarkets}" +
                     (l is null ? "" : $" of {l.MaxOpenMarkets}"));
        s.AppendLine($"  today      realized {r.RealizedToday}{(l is null ? "" : $" (loss limit {l.DailyLossLimit})")}, loss streak {r.LossStreak}" +
                     (l is null ? "" : $" of {l.LossStreakLimit}") +
                     (r.CooldownUntil is { } c ? $", cooling down until {c:u}" : ""));
        foreach (var p in r.Positions)
            s.AppendLine($"  position   {p.Ticker} {p.Contracts} contracts, cost {p.CostBasis}");
        if (r.DenialCounts.Count > 0)
            s.AppendLine("  denials    " + string.Join(", ", r.DenialCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
    }

    private static string Counts(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));

    public static string KillSwitchWord(KillSwitchState state) => state switch
    {
        KillSwitchState.Trading => "trading",
        KillSwitchState.ReduceOnly => "REDUCE-ONLY",
        KillSwitchState.Halted => "HALTED",
        _ => state.ToString(),
    };
}
