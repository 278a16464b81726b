using Akka.Actor;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Risk;

namespace KalshiArb.Node.Hosting;

/// <summary>One status line for a person watching the node: feed, odds, orders, risk.</summary>
public static class StatusReporter
{
    public sealed record NodeStatus(FeedStateView Feed, OddsFeedStateView Odds, ExecutionStatus Execution, RiskStateView Risk)
    {
        public override string ToString() =>
            $"feed {(Feed.Connected ? "up" : "DOWN")} {Feed.EventsPerSecond:F0} ev/s, {Feed.TrackedMarkets} markets, gaps {Feed.Gaps} | " +
            $"odds matched {Odds.MatchedMarkets} unmatched {Odds.UnmatchedMarkets}, consensus sent {Odds.ConsensusSent} | " +
            $"orders tracked {Execution.TrackedCount}, open {Execution.Open.Count}, attention {Execution.NeedsAttention.Count} | " +
            $"risk {Risk.KillSwitch}, balance {Risk.Balance}, reserved {Risk.Reserved}, exposure {Risk.TotalExposure}, open markets {Risk.OpenMarkets}";
    }

    public static Task<NodeStatus> QueryAsync(SimTradingNode node, TimeSpan timeout, CancellationToken ct) =>
        QueryAsync(node.Markets.Feed, node.Markets.OddsPoller, node.Orders, node.RiskGate, timeout, ct);

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
