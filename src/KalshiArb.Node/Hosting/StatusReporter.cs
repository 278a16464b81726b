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

    public static async Task<NodeStatus> QueryAsync(SimTradingNode node, TimeSpan timeout, CancellationToken ct)
    {
        var feed = node.Markets.Feed.Ask<FeedStateView>(GetFeedState.Instance, timeout, ct);
        var odds = node.Markets.OddsPoller.Ask<OddsFeedStateView>(GetOddsFeedState.Instance, timeout, ct);
        var exec = node.Orders.Ask<ExecutionStatus>(GetExecutionStatus.Instance, timeout, ct);
        var risk = node.RiskGate.Ask<RiskStateView>(GetRiskState.Instance, timeout, ct);
        await Task.WhenAll(feed, odds, exec, risk);
        return new NodeStatus(await feed, await odds, await exec, await risk);
    }
}
