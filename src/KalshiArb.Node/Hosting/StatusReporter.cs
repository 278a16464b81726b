using Akka.Actor;
using Akka.Hosting;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.Risk;
using KalshiArb.Domain.Pnl;
using KalshiArb.Domain.Primitives;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Hosting;

/// <summary>One status line for a person watching the node: cluster, feed, odds, orders, risk.</summary>
public static class StatusReporter
{
    /// <summary>
    /// Feed, odds and risk are null only when the component has not answered since this node started; a component
    /// that stopped answering keeps its last answer and is listed in <see cref="Silent"/>.
    /// </summary>
    public sealed record NodeStatus(FeedStateView? Feed, OddsFeedStateView? Odds, ExecutionStatus Execution, RiskStateView? Risk)
    {
        /// <summary>The membership, when the node is a cluster member.</summary>
        public ClusterView? Cluster { get; init; }

        /// <summary>Execution nodes whose order desk did not answer (their orders are missing from <see cref="Execution"/>).</summary>
        public IReadOnlyList<string> UnansweredOrderDesks { get; init; } = [];

        /// <summary>Signals admitted and refused at the door, all market nodes together; null when not asked or none answered.</summary>
        public AdmissionStatus? Admission { get; init; }

        /// <summary>The open-order watch; null when not asked or it did not answer (the rest of the status stands).</summary>
        public OpenOrderWatchStatus? OpenOrders { get; init; }

        /// <summary>P&amp;L from this node's order desk, marked with the markets' answers; null when the desk did not answer.</summary>
        public AdminPnlStatus? Pnl { get; init; }

        /// <summary>Components that did not answer within the status deadline.</summary>
        public IReadOnlyList<ComponentSilence> Silent { get; init; } = [];

        /// <summary>When the status was taken (the host's wall clock): "retrying in N s" counts from here.</summary>
        public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

        public ComponentSilence? SilenceOf(string component) => Silent.FirstOrDefault(s => s.Component == component);

        public override string ToString() =>
            (Cluster is { } c ? $"cluster {c.Members.Count(m => m.Status == "Up")}/{c.Members.Count} up | " : "") +
            Part(StatusComponents.Feed, Feed, f =>
                $"feed {(f.Connected ? "up" : "DOWN")} {f.EventsPerSecond:F0} ev/s, {f.TrackedMarkets} markets, gaps {f.Gaps}, resyncs {f.ResyncRequests}" +
                (f.BooksAwaitingSnapshot > 0 ? $", {f.BooksAwaitingSnapshot} books awaiting snapshot" : "")) +
            Part(StatusComponents.Odds, Odds, o => $"odds matched {o.MatchedMarkets} unmatched {o.UnmatchedMarkets}, consensus sent {o.ConsensusSent}") +
            (Admission is { } a ? $"signals admitted {a.Admitted}, refused {a.RefusedByReason.Values.Sum()} | " : "") +
            $"orders tracked {Execution.TrackedCount}, open {Execution.Open.Count}, attention {Execution.NeedsAttention.Count}, " +
            $"ended {Execution.Ended.Values.Sum()} (expired {Execution.Ended.Where(kv => kv.Key.StartsWith("Expired", StringComparison.Ordinal)).Sum(kv => kv.Value)})" +
            (UnansweredOrderDesks.Count > 0 ? $" (no answer from {string.Join(",", UnansweredOrderDesks)})" : "") + " | " +
            (OpenOrders?.LastError is { } unreadable ? $"open-order table UNREADABLE: {unreadable} | " : "") +
            (Pnl is { } p ? $"pnl realized {p.Total.Realized}, at mid {MarkedAtMid(p) ?? "?"}, fees {p.Total.Fees}{ByStrategy(p)} | " : "") +
            Part(StatusComponents.Risk, Risk, r =>
                (r.Outage is { } outage ? $"risk UNAVAILABLE: {RiskGateOutageText.Describe(outage, At)}; last seen " : "risk ") +
                $"{r.KillSwitch}, balance {r.Balance}, reserved {r.Reserved}, exposure {r.TotalExposure}, open markets {r.OpenMarkets}", last: true);

        /// <summary>Realized plus the open contracts at the book's mid; null when some open market has no two-sided book.</summary>
        public static string? MarkedAtMid(AdminPnlStatus p) =>
            p.Total.UnrealizedAtMid is { } u ? (Money.Parse(p.Total.Realized) + Money.Parse(u)).ToWire() : null;

        /// <summary>" (consensus-edge: 3 orders filled, 2 ended, realized 1.2300; …)", or nothing before the first fill.</summary>
        public static string ByStrategy(AdminPnlStatus p) =>
            p.Strategies.Count == 0 ? ""
            : " (" + string.Join("; ", p.Strategies.Select(s =>
                $"{s.StrategyId}: {s.OrdersFilled} orders filled, {s.OrdersEnded} ended, realized {s.Realized}")) + ")";

        private string Part<T>(string component, T? value, Func<T, string> text, bool last = false) where T : class
        {
            var silence = SilenceOf(component);
            var body = value is null ? "" : text(value);
            var line = silence is null ? body : silence.Describe(At) + (body.Length > 0 ? ": " + body : "");
            return last ? line : line + " | ";
        }
    }

    /// <summary>The whole cluster's status from this node: singletons through their proxies, orders from every execution node.</summary>
    public static async Task<NodeStatus> QueryAsync(TradingNode node, TimeSpan timeout, CancellationToken ct) =>
        await QueryClusterAsync(node.System, node.Markets.Feed, node.Markets.OddsPoller, node.RiskGate, timeout, ct, node.OpenOrders, node.StatusMemory);

    /// <summary>
    /// Every component is asked at once with its own deadline; one that does not answer (a singleton handing over, a
    /// gate restarting) is shown as not answering with its last known state instead of holding the whole status back.
    /// </summary>
    public static async Task<NodeStatus> QueryClusterAsync(ActorSystem system, IActorRef feedActor, IActorRef oddsPoller, IActorRef riskGate,
        TimeSpan timeout, CancellationToken ct, IActorRef? openOrderWatch = null, StatusMemory? memory = null)
    {
        var watch = openOrderWatch is null ? Task.FromResult<OpenOrderWatchStatus?>(null)
            : BoundedAsk.AnswerOrNullAsync<OpenOrderWatchStatus>(openOrderWatch, GetOpenOrderWatchStatus.Instance, timeout, ct);
        var feed = BoundedAsk.AnswerOrNullAsync<FeedStateView>(feedActor, GetFeedState.Instance, timeout, ct);
        var odds = BoundedAsk.AnswerOrNullAsync<OddsFeedStateView>(oddsPoller, GetOddsFeedState.Instance, timeout, ct);
        var orders = ClusterStatus.GatherOrdersAsync(system, timeout, ct);
        var admissions = ClusterStatus.GatherAdmissionsAsync(system, timeout, ct);
        var risk = BoundedAsk.AnswerOrNullAsync<RiskStateView>(riskGate, GetRiskState.Instance, timeout, ct);
        var pnl = PnlAsync(system, timeout, ct);
        await Task.WhenAll(feed, odds, orders, admissions, risk, watch, pnl);
        return Assemble(memory, await feed, await odds, (await orders).Status, await risk) with
        {
            Cluster = ClusterStatus.Read(system),
            UnansweredOrderDesks = (await orders).Unanswered,
            Admission = await admissions,
            OpenOrders = await watch,
            Pnl = await pnl,
        };
    }

    /// <summary>
    /// This node's order desk's P&amp;L book, each open market marked at its book's mid and consensus fair value (asked
    /// of the market actors at once, each with the deadline; a market that does not answer has no mark). Recorded in
    /// the system's <see cref="PnlTracker"/>. Null when the node has no desk or it did not answer.
    /// </summary>
    private static async Task<AdminPnlStatus?> PnlAsync(ActorSystem system, TimeSpan timeout, CancellationToken ct)
    {
        PnlBook book;
        try
        {
            if (!ActorRegistry.For(system).TryGet<OrderDesk>(out var desk)) return null; // no desk on this node
            book = await desk.Ask<PnlBook>(GetPnlBook.Instance, timeout, ct);
        }
        catch (Exception e) when (e is AskTimeoutException or ActorNotFoundException or TaskCanceledException)
        {
            return null;
        }
        var marks = await MarksAsync(MarketRegion(system), book, timeout, ct);
        return PnlTracker.Get(system).Record(book, marks, DateTimeOffset.UtcNow);
    }

    /// <summary>Null when this node has no market region or proxy: no marks.</summary>
    private static IActorRef? MarketRegion(ActorSystem system) =>
        ActorRegistry.For(system).TryGet<KalshiArb.Actors.Market.MarketRegion>(out var region) ? region : null;

    private static async Task<IReadOnlyDictionary<string, PnlMark>> MarksAsync(IActorRef? markets, PnlBook book, TimeSpan timeout, CancellationToken ct)
    {
        var open = book.Positions.Where(p => !p.Contracts.IsZero).Select(p => p.Ticker).ToArray();
        if (markets is null || open.Length == 0) return new Dictionary<string, PnlMark>();
        var views = await Task.WhenAll(open.Select(t => BoundedAsk.AnswerOrNullAsync<MarketStateView>(markets, new GetMarketState(t), timeout, ct)));
        return views.OfType<MarketStateView>().ToDictionary(v => v.Ticker,
            v => new PnlMark(PnlMark.MidOf(v.YesBid?.Price, v.YesAsk?.Price), PnlMark.FairOf(v.FairYes)), StringComparer.Ordinal);
    }

    /// <summary>The four actors of a node outside a cluster, each with its own deadline (see <see cref="QueryClusterAsync"/>).</summary>
    public static async Task<NodeStatus> QueryAsync(IActorRef feedActor, IActorRef oddsPoller, IActorRef orders, IActorRef riskGate,
        TimeSpan timeout, CancellationToken ct, StatusMemory? memory = null)
    {
        var feed = BoundedAsk.AnswerOrNullAsync<FeedStateView>(feedActor, GetFeedState.Instance, timeout, ct);
        var odds = BoundedAsk.AnswerOrNullAsync<OddsFeedStateView>(oddsPoller, GetOddsFeedState.Instance, timeout, ct);
        var exec = BoundedAsk.AnswerOrNullAsync<ExecutionStatus>(orders, GetExecutionStatus.Instance, timeout, ct);
        var risk = BoundedAsk.AnswerOrNullAsync<RiskStateView>(riskGate, GetRiskState.Instance, timeout, ct);
        await Task.WhenAll(feed, odds, exec, risk);
        var status = Assemble(memory, await feed, await odds, await exec ?? new ExecutionStatus([], [], 0), await risk);
        return await exec is null ? status with { UnansweredOrderDesks = [.. status.UnansweredOrderDesks, "this node"] } : status;
    }

    private static NodeStatus Assemble(StatusMemory? memory, FeedStateView? feed, OddsFeedStateView? odds, ExecutionStatus execution, RiskStateView? risk)
    {
        memory ??= new StatusMemory();
        var now = DateTimeOffset.UtcNow;
        var silent = new List<ComponentSilence>();
        return new NodeStatus(
            memory.Resolve(StatusComponents.Feed, feed, now, silent),
            memory.Resolve(StatusComponents.Odds, odds, now, silent),
            execution,
            memory.Resolve(StatusComponents.Risk, risk, now, silent)) { Silent = silent, At = now };
    }

}

/// <summary>The names status uses for its components.</summary>
public static class StatusComponents
{
    public const string Feed = "feed";
    public const string Odds = "odds";
    public const string Risk = "risk gate";
}
