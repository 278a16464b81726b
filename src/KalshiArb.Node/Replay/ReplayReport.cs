using System.Globalization;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Adapters.Recording.Data;
using KalshiArb.Domain.Pnl;
using KalshiArb.Domain.Primitives;

namespace KalshiArb.Node.Replay;

/// <summary>
/// What a replay found. <see cref="ToText"/> is the <c>--out</c> report: only what follows from the recording (no wall
/// time, no paths), so two replays of one recording can be compared byte for byte; <see cref="Speed"/> is the console's.
/// </summary>
public sealed record ReplayReport(
    RecordedCatalog Catalog,
    ReplayProgress Progress,
    FeedStateView Feed,
    OddsFeedStateView Odds,
    AdmissionStatus Admission,
    long Fills,
    PnlBook Pnl,
    long SnapshotRequests,
    IReadOnlyList<MarketStateView> Markets,
    TimeSpan Wall)
{
    /// <summary>Contracts the paper venue filled (every fill's count, both sides).</summary>
    public Quantity ContractsFilled { get; init; } = Quantity.Zero;

    /// <summary>The admission's last signals (newest first, at most <see cref="RecentSignalLog.Capacity"/>): not in the report text.</summary>
    public IReadOnlyList<RecentSignal> RecentSignals { get; init; } = [];

    public long SignalsDetected => Admission.Admitted + Admission.Repeated + Admission.RefusedByReason.Values.Sum();

    public Money RealizedBeforeFees => Pnl.Positions.Aggregate(Money.Zero, (sum, p) => sum + p.RealizedBeforeFees);

    public Money Fees => Pnl.Positions.Aggregate(Money.Zero, (sum, p) => sum + p.Fees);

    /// <summary>
    /// Realized after fees plus the open contracts valued at each market's last mid; null when a market with an open
    /// position had no two-sided book at the end.
    /// </summary>
    public Money? PnlAtMid
    {
        get
        {
            var mids = Markets.ToDictionary(m => m.Ticker, m => PnlMark.MidOf(m.YesBid?.Price, m.YesAsk?.Price), StringComparer.Ordinal);
            var total = RealizedBeforeFees - Fees;
            foreach (var p in Pnl.Positions.Where(p => !p.Contracts.IsZero && !p.Settled))
            {
                if (mids.GetValueOrDefault(p.Ticker) is not { } mid) return null;
                total += p.UnrealizedAt(mid);
            }
            return total;
        }
    }

    /// <summary>The desk's split by detection strategy, by id (empty when no order ended or filled).</summary>
    public IReadOnlyList<StrategyPnl> Strategies =>
        (Pnl.Strategies ?? []).OrderBy(s => s.StrategyId, StringComparer.Ordinal).ToArray();

    /// <summary>Largest fall of realized P&amp;L (after fees) from its running peak, over the desk's P&amp;L history.</summary>
    public Money MaxDrawdown
    {
        get
        {
            var peak = Money.Zero;
            var worst = Money.Zero;
            foreach (var point in Pnl.History)
            {
                if (point.Realized > peak) peak = point.Realized;
                var fall = peak - point.Realized;
                if (fall > worst) worst = fall;
            }
            return worst;
        }
    }

    public double MessagesPerSecond => Wall.TotalSeconds > 0 ? Progress.Records / Wall.TotalSeconds : 0;

    public string Speed => string.Create(CultureInfo.InvariantCulture,
        $"replayed {Progress.Records:N0} messages in {Wall.TotalSeconds:F2} s wall time: {MessagesPerSecond:N0} messages/s");

    public string ToText()
    {
        var c = Catalog;
        var lines = new List<string>
        {
            "kalshiarb replay report",
            $"recording: {Iso(c.FirstTicks)} to {Iso(c.LastTicks)} ({TimeSpan.FromTicks(c.LastTicks - c.FirstTicks):c}), read {Progress.Status}" +
            (Progress.Fault is { } f ? $" ({f})" : ""),
            $"catalog: {c.Markets.Count} markets in {c.Series.Count} series, " +
            (c.FromMarkers ? $"from {c.Markers} catalog markers" : "built from the frames' tickers (the recording has no catalog markers)") +
            (c.BadMarkers > 0 ? $", {c.BadMarkers} unreadable markers" : ""),
            $"messages replayed: {Progress.Records} ({Progress.Frames} market-data frames, {Progress.OddsSnapshots} odds snapshots), {Progress.Events} feed events",
            $"feed: {Feed.EventsReceived} events, {Feed.MarketMessagesSent} market messages, gaps {Feed.Gaps}, books that broke in their actor {Feed.ResyncRequests} " +
            $"(snapshots asked of the recording {SnapshotRequests}), parse rejects {Counts(Feed.ParseRejects.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value))}",
            $"odds: {string.Join(", ", Odds.Sports.Select(s => $"{s.SportKey} {s.Polls} polls ({s.Failures} failed)"))}; matched markets {Odds.MatchedMarkets}, " +
            $"unmatched {Odds.UnmatchedMarkets}, consensus sent {Odds.ConsensusSent}, refused {Counts(Odds.ConsensusRejects.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value))}",
            $"signals detected: {SignalsDetected} (admitted {Admission.Admitted}, repeated {Admission.Repeated}, refused {Counts(Admission.RefusedByReason)})",
            $"orders placed: {Admission.Placed} (not placed {Counts(Admission.NotPlacedByReason)})",
            $"fills: {Fills} ({ContractsFilled} contracts)",
            $"pnl: realized {RealizedBeforeFees - Fees} (before fees {RealizedBeforeFees}, fees {Fees}), at mid {PnlAtMid?.ToString() ?? "n/a (an open market has no two-sided book)"}, " +
            $"max drawdown {MaxDrawdown}",
        };
        lines.AddRange(StrategyLines());
        foreach (var m in Markets.OrderBy(m => m.Ticker, StringComparer.Ordinal))
            lines.Add($"  {m.Ticker}: evaluations {m.Counters.Evaluations}, signals {m.Counters.SignalsSent}, repeats suppressed " +
                      $"{m.Counters.DuplicateSignalsSuppressed}, skips {Counts(m.Counters.SkipsByReason.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value))}" +
                      (m.LastPrecondition is { } pre ? $", last stopped by {pre}" : ""));
        foreach (var p in Pnl.Positions.OrderBy(p => p.Ticker, StringComparer.Ordinal))
            lines.Add($"  {p.Ticker}: contracts {p.Contracts}, cost {p.CostBasis}, realized {p.Realized}, fees {p.Fees}{(p.Settled ? ", settled" : "")}");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// One line per detection strategy: its orders and P&amp;L (the desk's split), and when more than one strategy ran, its
    /// skips over all markets and the admission's refusals of its signals, by reason.
    /// </summary>
    private IEnumerable<string> StrategyLines()
    {
        var split = Markets.Any(m => m.Counters.SkipsByStrategy is not null);
        var skips = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var market in Markets)
        {
            foreach (var (strategy, reasons) in market.Counters.SkipsByStrategy ?? [])
            {
                var own = skips.TryGetValue(strategy, out var d) ? d : skips[strategy] = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var (reason, n) in reasons) own[reason.ToString()] = own.GetValueOrDefault(reason.ToString()) + n;
            }
        }
        var pnl = Strategies.ToDictionary(p => p.StrategyId, StringComparer.Ordinal);
        var ids = pnl.Keys.Concat(split ? skips.Keys.Concat(Admission.RefusedByStrategy.Keys) : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var line = pnl.TryGetValue(id, out var p)
                ? $"  strategy {id}: orders filled {p.OrdersFilled}, ended {p.OrdersEnded}, realized {p.Realized}, fees {p.Fees}"
                : $"  strategy {id}: no orders";
            if (split)
                line += $"; skips {Counts(skips.GetValueOrDefault(id) ?? [])}, refused {Counts(Admission.RefusedByStrategy.GetValueOrDefault(id) ?? new Dictionary<string, long>())}";
            yield return line;
        }
    }

    private static string Iso(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Counts(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "0" : string.Join(", ", counts.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
}
