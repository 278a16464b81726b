using System.Collections.Immutable;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Risk;
using KalshiArb.Domain.Odds;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Node.Tests.Admin;

/// <summary>A component that stops answering (a singleton moving, a gate restarting) does not hold the status back.</summary>
public sealed class StatusSilenceSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(300);

    private static readonly FeedStateView Feed = new(true, 1, null, null, 1, 0, 500, 12.5, 40, 2, 5, 20,
        ImmutableDictionary<FeedIgnoreReason, long>.Empty, ImmutableDictionary<FeedRejectReason, long>.Empty) { BooksAwaitingSnapshot = 3 };

    private static readonly RiskStateView Risk = new(KillSwitchState.Trading, Money.FromDollars(1_000), Money.FromDollars(1_000), Money.Zero,
        Money.Zero, 0, Money.Zero, 0, null, [], [], new Dictionary<string, int>(), 0, 12);

    private Akka.Actor.IActorRef Answering(Type question, object answer) => Sys.ActorOf(FixedAnswerActor.Props(question, answer));

    private Akka.Actor.IActorRef Odds => Answering(typeof(GetOddsFeedState),
        new OddsFeedStateView([], KalshiArb.Odds.Api.QuotaSnapshot.Unknown, 20, 0, 7, ImmutableDictionary<ConsensusRejection, long>.Empty));

    private Akka.Actor.IActorRef Desk => Answering(typeof(GetExecutionStatus), new ExecutionStatus([], [], 0));

    [Fact]
    public async Task A_silent_gate_keeps_its_last_answer_marked_as_such_and_the_rest_is_current()
    {
        var memory = new StatusMemory();
        var feed = Answering(typeof(GetFeedState), Feed);
        var first = await StatusReporter.QueryAsync(feed, Odds, Desk, Answering(typeof(GetRiskState), Risk), Deadline, CancellationToken.None, memory);
        Assert.Empty(first.Silent);
        Assert.Contains("resyncs 5, 3 books awaiting snapshot", first.ToString());

        var second = await StatusReporter.QueryAsync(feed, Odds, Desk, Sys.ActorOf(FixedAnswerActor.Silent()), Deadline, CancellationToken.None, memory);
        var silence = Assert.Single(second.Silent);
        Assert.Equal(StatusComponents.Risk, silence.Component);
        Assert.Equal(first.At, silence.LastAnsweredAt);
        Assert.Same(Risk, second.Risk);
        Assert.Contains($"risk gate NOT ANSWERING (last answer {first.At:HH:mm:ss}", second.ToString());
        Assert.Contains("figures shown are from then): risk Trading, balance 1000", second.ToString());
        Assert.StartsWith("feed up", second.ToString());
    }

    [Fact]
    public async Task Every_component_silent_still_answers_in_time_naming_each()
    {
        var silent = Sys.ActorOf(FixedAnswerActor.Silent());
        var status = await StatusReporter.QueryAsync(silent, silent, silent, silent, Deadline, CancellationToken.None);
        Assert.Equal([StatusComponents.Feed, StatusComponents.Odds, StatusComponents.Risk], status.Silent.Select(s => s.Component));
        Assert.Equal((null, null, null), (status.Feed, status.Odds, status.Risk));
        Assert.Equal(["this node"], status.UnansweredOrderDesks);
        Assert.Contains("feed NOT ANSWERING (no answer since this node started) | odds NOT ANSWERING", status.ToString());
    }
}
