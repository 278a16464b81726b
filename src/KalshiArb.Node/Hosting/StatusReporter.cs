using Akka.Actor;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Risk;

namespace KalshiArb.Node.Hosting;

/// <summary>One status line for a person watching the node: cluster, feed, odds, orders, risk.</summary>
public static class StatusReporter
{
    public sealed record NodeStatus(FeedStateView Feed, OddsFeedStateView Odds, ExecutionStatus Execution, RiskStateView Risk)
    {
        /// <summary>The membership, when the node is a cluster member.</summary>
        public ClusterView? Cluster { get; init; }

        /// <summary>Execution nodes whose order desk did not answer (their orders are missing from <see cref="Execution"/>).</summary>
        public IReadOnlyList<string> UnansweredOrderDesks { get; init; } = [];

        /// <summary>Signals admitted and refused at the door, all market nodes together; null when not asked or none answered.</summary>
        public AdmissionStatus? Admission { get; init; }

        /// <summary>The open-order watch; null when not asked or it did not answer (the rest of the status stands).</summary>
        public OpenOrderWatchStatus? OpenOrders { get; init; }

        /// <summary>When the status was taken (the host's wall clock): "retrying in N s" counts from here.</summary>
        public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

        public override string ToString() =>
            (Cluster is { } c ? $"cluster {c.Members.Count(m => m.Status == "Up")}/{c.Members.Count} up | " : "") +
            $"feed {(Feed.Connected ? "up" : "DOWN")} {Feed.EventsPerSecond:F0} ev/s, {Feed.TrackedMarkets} markets, gaps {Feed.Gaps} | " +
            $"odds matched {Odds.MatchedMarkets} unmatched {Odds.UnmatchedMarkets}, consensus sent {Odds.ConsensusSent} | " +
            (Admission is { } a ? $"signals admitted {a.Admitted}, refused {a.RefusedByReason.Values.Sum()} | " : "") +
            $"orders tracked {Execution.TrackedCount}, open {Execution.Open.Count}, attention {Execution.NeedsAttention.Count}, " +
            $"ended {Execution.Ended.Values.Sum()} (expired {Execution.Ended.Where(kv => kv.Key.StartsWith("Expired", StringComparison.Ordinal)).Sum(kv => kv.Value)})" +
            (UnansweredOrderDesks.Count > 0 ? $" (no answer from {string.Join(",", UnansweredOrderDesks)})" : "") + " | " +
            (OpenOrders?.LastError is { } unreadable ? $"open-order table UNREADABLE: {unreadable} | " : "") +
            (Risk.Outage is { } outage ? $"risk UNAVAILABLE: {RiskGateOutageText.Describe(outage, At)}; last seen " : "risk ") +
            $"{Risk.KillSwitch}, balance {Risk.Balance}, reserved {Risk.Reserved}, exposure {Risk.TotalExposure}, open markets {Risk.OpenMarkets}";
    }

    /// <summary>The whole cluster's status from this node: singletons through their proxies, orders from every execution node.</summary>
    public static async Task<NodeStatus> QueryAsync(TradingNode node, TimeSpan timeout, CancellationToken ct) =>
        await QueryClusterAsync(node.System, node.Markets.Feed, node.Markets.OddsPoller, node.RiskGate, timeout, ct, node.OpenOrders);

    public static async Task<NodeStatus> QueryClusterAsync(ActorSystem system, IActorRef feedActor, IActorRef oddsPoller, IActorRef riskGate,
        TimeSpan timeout, CancellationToken ct, IActorRef? openOrderWatch = null)
    {
        var watch = OpenOrderWatchAsync(openOrderWatch, timeout, ct);
        var feed = feedActor.Ask<FeedStateView>(GetFeedState.Instance, timeout, ct);
        var odds = oddsPoller.Ask<OddsFeedStateView>(GetOddsFeedState.Instance, timeout, ct);
        var orders = ClusterStatus.GatherOrdersAsync(system, timeout, ct);
        var admissions = ClusterStatus.GatherAdmissionsAsync(system, timeout, ct);
        var risk = riskGate.Ask<RiskStateView>(GetRiskState.Instance, timeout, ct);
        await Task.WhenAll(feed, odds, orders, admissions, risk);
        return new NodeStatus(await feed, await odds, (await orders).Status, await risk)
        {
            Cluster = ClusterStatus.Read(system),
            UnansweredOrderDesks = (await orders).Unanswered,
            Admission = await admissions,
            OpenOrders = await watch,
        };
    }

    /// <summary>Optional in the status: a watch that does not answer (moving to another node) leaves it out.</summary>
    private static async Task<OpenOrderWatchStatus?> OpenOrderWatchAsync(IActorRef? watch, TimeSpan timeout, CancellationToken ct)
    {
        if (watch is null) return null;
        try
        {
            return await watch.Ask<OpenOrderWatchStatus>(GetOpenOrderWatchStatus.Instance, timeout, ct);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Asks the four actors at once; throws <see cref="AskTimeoutException"/> if any does not answer in time.</summary>
    public static async Task<NodeStatus> QueryAsync(IActorRef feedActor, IActorRef oddsPoller, IActorRef orders, IActorRef riskGate,
        TimeSpan timeout, CancellationToken ct)
    {
        var feed = feedActor.Ask<FeedStateView>(GetFeedState.Instance, timeout, ct);
        var odds = oddsPoller.Ask<OddsFeedStateView>(GetOddsFeedState.Instance, timeout, ct);
        var exec = orders.Ask<ExecutionStatus>(GetExecutionStatus.Instance, timeout, ct);
        var risk = riskGate.Ask<RiskStateView>(GetRiskState.Instance, timeout, ct);
        await Task.WhenAll(feed, odds, exec, risk);
        return new NodeStatus(await feed, await odds, await exec, await risk);
    }
}
