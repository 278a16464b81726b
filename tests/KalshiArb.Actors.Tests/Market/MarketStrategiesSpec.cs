using KalshiArb.Domain.Detection;
using static KalshiArb.Actors.Tests.Market.MarketFixtures;

namespace KalshiArb.Actors.Tests.Market;

/// <summary>A market running both strategies: mean reversion reads the trade tape, consensus the sportsbooks.</summary>
public sealed class MarketStrategiesSpec : TestKit
{
    private const long Minute = 60_000;
    private readonly ManualClock _clock = new(T0);

    private static readonly MarketActorSettings BothStrategies = new()
    {
        MinEvaluationInterval = TimeSpan.Zero,
        MeanReversion = new MeanReversionPolicy { CandleInterval = TimeSpan.FromMinutes(1), Lookback = 4 },
    };

    private (IActorRef Market, Akka.TestKit.TestProbe Signals) Start(MarketActorSettings settings)
    {
        var signals = CreateTestProbe();
        return (Sys.ActorOf(MarketActor.Props(Ticker, signals, settings, _clock, CreateTestProbe())), signals);
    }

    /// <summary>
    /// Four one-minute candles closing 0.60, 0.62, 0.60, 0.58 (mean 0.60, MAD 0.01), then a print at 0.48: 0.12 below
    /// the mean, so fair YES = 0.48 + 0.06 = 0.54 against the fixture's YES ask 0.50 (all-in 0.5175 at 100 contracts).
    /// </summary>
    private void TellTape(IActorRef market)
    {
        int[] cents = [60, 62, 60, 58, 48];
        for (var i = 0; i < cents.Length; i++)
            market.Tell(new TradeReceived(Ticker, $"t-{i}", Price.FromCents(cents[i]), Quantity.FromContracts(5), _clock.NowMs + i * Minute + 10_000));
        _clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(20));
    }

    private MarketStateView State(IActorRef market)
    {
        market.Tell(new GetMarketState(Ticker));
        return ExpectMsg<MarketStateView>();
    }

    [Fact]
    public void Skips_are_split_by_strategy_when_both_run_and_the_split_adds_up_to_the_totals()
    {
        var (market, _) = Start(BothStrategies);
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs)); // a book but no tape: mean reversion skips, consensus waits for odds

        AwaitAssert(() =>
        {
            var counters = State(market).Counters;
            Assert.NotNull(counters.SkipsByStrategy);
            var meanReversion = counters.SkipsByStrategy![StrategyIds.MeanReversion];
            Assert.NotEmpty(meanReversion);
            Assert.Empty(counters.SkipsByStrategy[StrategyIds.ConsensusEdge]);
            foreach (var (reason, total) in counters.SkipsByReason)
                Assert.Equal(total, counters.SkipsByStrategy.Values.Sum(s => s.GetValueOrDefault(reason)));
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void With_one_strategy_the_market_totals_are_its_own_and_no_split_is_kept()
    {
        var (market, _) = Start(new MarketActorSettings { MinEvaluationInterval = TimeSpan.Zero });
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));

        AwaitAssert(() =>
        {
            var counters = State(market).Counters;
            Assert.True(counters.Evaluations > 0);
            Assert.Null(counters.SkipsByStrategy);
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Trades_and_a_book_make_a_mean_reversion_signal_without_any_consensus()
    {
        var (market, signals) = Start(BothStrategies);
        market.Tell(Metadata());
        TellTape(market);
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // no book yet: nothing to buy against
        market.Tell(Snapshot(_clock.NowMs));

        var signal = signals.ExpectMsg<TradeSignal>();
        Assert.Equal(StrategyIds.MeanReversion, signal.StrategyId);
        Assert.Equal(OutcomeSide.Yes, signal.Side);
        Assert.Equal(Price.FromCents(50), signal.LimitPrice);
        Assert.Equal(0.54, signal.FairProbability, 10);
        // ¼ Kelly at 100: 0.25 × (0.0225 / 0.4825) × $1,000 / 0.5175 = 22.5 → 22 contracts; at 22 the fee is
        // ceil(0.07 × 22 × 0.25) = 0.39, all-in 11.39 / 22, and Kelly still gives 22
        Assert.Equal(Quantity.FromContracts(22), signal.Count);
        Assert.Equal(0.54 - 11.39 / 22, signal.EdgePerContract, 10);
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        var state = State(market);
        Assert.True(state.Counters.Blocked(MarketPrecondition.NoConsensus) >= 1); // the consensus strategy waited for odds
    }

    [Fact]
    public void Both_strategies_buying_the_same_side_send_two_signals_with_different_ids()
    {
        var (market, signals) = Start(BothStrategies);
        market.Tell(Metadata());
        TellTape(market);
        market.Tell(Consensus(_clock.NowMs, T0.AddHours(6))); // fair 0.60: YES at 0.50 for the consensus too
        market.Tell(Snapshot(_clock.NowMs));

        var first = signals.ExpectMsg<TradeSignal>();
        var second = signals.ExpectMsg<TradeSignal>();
        Assert.Equal([StrategyIds.ConsensusEdge, StrategyIds.MeanReversion], new[] { first.StrategyId, second.StrategyId });
        Assert.Equal(first.Side, second.Side);
        Assert.Equal(first.LimitPrice, second.LimitPrice);
        Assert.NotEqual(first.SignalId, second.SignalId);
    }

    [Fact]
    public void Without_mean_reversion_the_tape_keeps_no_candles_and_makes_no_signal()
    {
        var (market, signals) = Start(new MarketActorSettings { MinEvaluationInterval = TimeSpan.Zero });
        market.Tell(Metadata());
        TellTape(market);
        market.Tell(Snapshot(_clock.NowMs));
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var state = State(market);
        Assert.Equal(5, state.Counters.Trades);
        Assert.Equal(MarketPrecondition.NoConsensus, state.LastPrecondition);
    }
}
