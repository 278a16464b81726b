using Akka.Event;
using KalshiArb.Domain.Detection;
using static KalshiArb.Actors.Tests.Market.MarketFixtures;

namespace KalshiArb.Actors.Tests.Market;

/// <summary>A market whose data looks too good (or whose books disagree) is skipped every tick, counted, and warned about once.</summary>
public sealed class MarketBadDataSpec : TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private readonly ManualClock _clock = new(T0);
    private readonly DateTimeOffset _commence = T0.AddHours(6);

    private (IActorRef Market, Akka.TestKit.TestProbe Signals, Akka.TestKit.TestProbe Warnings) Start()
    {
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings, typeof(Warning));
        var signals = CreateTestProbe();
        var market = Sys.ActorOf(MarketActor.Props(Ticker, signals, new MarketActorSettings { MinEvaluationInterval = TimeSpan.Zero }, _clock));
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        return (market, signals, warnings);
    }

    private MarketStateView State(IActorRef market)
    {
        market.Tell(new GetMarketState(Ticker));
        return ExpectMsg<MarketStateView>();
    }

    private static string Text(Warning w) => w.Message.ToString() ?? "";

    [Fact]
    public void A_fifteen_cent_edge_is_skipped_every_tick_and_warned_about_once()
    {
        var (market, signals, warnings) = Start();
        // YES ask 0.50 against a fair 0.65: the edge that was bought again and again
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            market.Tell(Consensus(_clock.NowMs, _commence, fairYes: 0.65));
        }

        var state = State(market);
        Assert.Equal(SkipReason.EdgeTooGood, state.LastSkipReason);
        Assert.Equal(5, state.Counters.Skips(SkipReason.EdgeTooGood));
        Assert.Equal(0, state.Counters.SignalsSent);
        var warning = warnings.ExpectMsg<Warning>();
        Assert.Contains(Ticker, Text(warning));
        Assert.Contains(nameof(SkipReason.EdgeTooGood), Text(warning));
        warnings.ExpectNoMsg(Quiet);
        signals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Books_that_disagree_get_their_own_reason_and_their_own_single_warning()
    {
        var (market, signals, warnings) = Start();
        market.Tell(Consensus(_clock.NowMs, _commence, fairYes: 0.65));
        Assert.Contains(nameof(SkipReason.EdgeTooGood), Text(warnings.ExpectMsg<Warning>()));

        // a plausible fair value, but the books' de-vigged probabilities span 15 points
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            market.Tell(new ConsensusUpdated(Ticker, "evt-1", 0.55, 4, 0.15, _clock.NowMs, _commence));
        }
        var state = State(market);
        Assert.Equal(SkipReason.BooksDisagree, state.LastSkipReason);
        Assert.Equal(3, state.Counters.Skips(SkipReason.BooksDisagree));
        Assert.Equal(1, state.Counters.Skips(SkipReason.EdgeTooGood));
        Assert.Contains(nameof(SkipReason.BooksDisagree), Text(warnings.ExpectMsg<Warning>()));

        // back to the too-good edge: already warned for this market
        market.Tell(Consensus(_clock.NowMs, _commence, fairYes: 0.65));
        Assert.Equal(2, State(market).Counters.Skips(SkipReason.EdgeTooGood));
        warnings.ExpectNoMsg(Quiet);
        signals.ExpectNoMsg(TimeSpan.Zero);
    }
}
