using KalshiArb.Domain.Detection;
using static KalshiArb.Actors.Tests.Market.MarketFixtures;

namespace KalshiArb.Actors.Tests.Market;

public sealed class MarketActorSpec : TestKit
{
    private readonly ManualClock _clock = new(T0);
    private readonly DateTimeOffset _commence = T0.AddHours(6);

    private static readonly MarketActorSettings Immediate = new() { MinEvaluationInterval = TimeSpan.Zero };

    private (IActorRef Market, Akka.TestKit.TestProbe Signals, Akka.TestKit.TestProbe Feed) Start(MarketActorSettings? settings = null)
    {
        var signals = CreateTestProbe();
        var feed = CreateTestProbe();
        var market = Sys.ActorOf(MarketActor.Props(Ticker, signals, settings ?? Immediate, _clock, feed));
        return (market, signals, feed);
    }

    private MarketStateView State(IActorRef market)
    {
        market.Tell(new GetMarketState(Ticker));
        return ExpectMsg<MarketStateView>();
    }

    [Fact]
    public void Signals_yes_when_the_consensus_is_above_the_ask_after_fees()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(Consensus(_clock.NowMs, _commence));

        var signal = signals.ExpectMsg<TradeSignal>();
        Assert.Equal(Ticker, signal.Ticker);
        Assert.Equal(OutcomeSide.Yes, signal.Side);
        Assert.Equal(Price.FromCents(50), signal.LimitPrice);
        Assert.True(signal.Count >= Quantity.FromContracts(1) && signal.Count <= Quantity.FromContracts(100), signal.Count.ToWire());
        // 0.60 − (0.50 + 0.0175 fee) = 0.0825 a contract
        Assert.InRange(signal.EdgePerContract, 0.08, 0.085);
        Assert.Equal(_clock.NowMs, signal.CreatedAtMs);
        Assert.StartsWith("sig-", signal.SignalId);
    }

    [Fact]
    public void Signals_no_when_the_consensus_is_below_the_bid()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        // NO ask = 1 − 0.45 = 0.55; fair NO = 0.62 (an edge of 7 cents, under the 10-cent max-edge)
        market.Tell(Consensus(_clock.NowMs, _commence, fairYes: 0.38));

        var signal = signals.ExpectMsg<TradeSignal>();
        Assert.Equal(OutcomeSide.No, signal.Side);
        Assert.Equal(Price.FromCents(55), signal.LimitPrice);
    }

    [Fact]
    public void No_signal_when_fees_eat_the_edge()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        // raw edge 0.03 clears the 0.02 threshold, but the 0.0175 fee leaves 0.0125
        market.Tell(Consensus(_clock.NowMs, _commence, fairYes: 0.53));

        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var state = State(market);
        Assert.Equal(SkipReason.FeesEatEdge, state.LastSkipReason);
        Assert.Equal(1, state.Counters.Skips(SkipReason.FeesEatEdge));
    }

    [Fact]
    public void Skips_stale_odds()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(Consensus(_clock.NowMs - (long)TimeSpan.FromMinutes(10).TotalMilliseconds, _commence));

        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var state = State(market);
        Assert.Equal(SkipReason.OddsStale, state.LastSkipReason);
        Assert.Equal(1, state.Counters.Skips(SkipReason.OddsStale));
    }

    [Fact]
    public void Skips_a_stale_book()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        _clock.Advance(TimeSpan.FromMinutes(1)); // no book message for a minute; the odds are fresh
        market.Tell(Consensus(_clock.NowMs, _commence));

        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(SkipReason.BookStale, State(market).LastSkipReason);
    }

    [Fact]
    public void A_quiet_book_the_feed_vouches_for_is_not_stale()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        _clock.Advance(TimeSpan.FromMinutes(1));
        market.Tell(Consensus(_clock.NowMs, _commence));
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(SkipReason.BookStale, State(market).LastSkipReason);

        market.Tell(new BookConfirmed(Ticker, _clock.NowMs));
        Assert.Equal(OutcomeSide.Yes, signals.ExpectMsg<TradeSignal>().Side);
        Assert.Equal(_clock.NowMs, State(market).BookAsOfMs);
    }

    [Fact]
    public void A_broken_book_cannot_be_vouched_for()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs - 60_000));
        market.Tell(new BookInvalidated(Ticker, BookInvalidation.Disconnect, _clock.NowMs - 60_000));
        market.Tell(new BookConfirmed(Ticker, _clock.NowMs));
        market.Tell(Consensus(_clock.NowMs, _commence));

        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var s = State(market);
        Assert.Equal(SkipReason.BookNotWhole, s.LastSkipReason);
        Assert.Equal(_clock.NowMs - 60_000, s.BookAsOfMs);
    }

    [Fact]
    public void Skips_a_book_made_unwhole_by_a_gap_until_the_next_snapshot()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(new BookInvalidated(Ticker, BookInvalidation.Gap, _clock.NowMs));
        market.Tell(Consensus(_clock.NowMs, _commence));

        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var state = State(market);
        Assert.False(state.IsWhole);
        Assert.Equal(BookUpdateResult.Invalidated, state.NotWholeReason);
        Assert.Equal(SkipReason.BookNotWhole, state.LastSkipReason);

        // deltas on the broken book are refused, not applied
        market.Tell(new BookDeltaReceived(Ticker, 2, OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(5), _clock.NowMs));
        Assert.Equal(1, State(market).Counters.BookRejects(BookUpdateResult.AwaitingSnapshot));

        market.Tell(Snapshot(_clock.NowMs));
        Assert.Equal(OutcomeSide.Yes, signals.ExpectMsg<TradeSignal>().Side);
        Assert.True(State(market).IsWhole);
    }

    [Fact]
    public void Skips_a_game_that_has_started()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(Consensus(_clock.NowMs, T0.AddMinutes(-1)));

        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(SkipReason.GameStarted, State(market).LastSkipReason);
    }

    [Fact]
    public void Never_trades_without_consensus_or_metadata_or_when_not_open()
    {
        var (market, signals, _) = Start();
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(Metadata(status: MarketTradingStatus.Paused));
        market.Tell(Consensus(_clock.NowMs, _commence));
        market.Tell(new ConsensusWithdrawn(Ticker, "TooFewFreshBooks", _clock.NowMs));
        market.Tell(new MarketStatusChanged(Ticker, MarketTradingStatus.Open, _clock.NowMs));

        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var c = State(market).Counters;
        Assert.Equal(1, c.Blocked(MarketPrecondition.NoMetadata));
        Assert.Equal(2, c.Blocked(MarketPrecondition.MarketNotOpen));
        Assert.Equal(1, c.Blocked(MarketPrecondition.NoConsensus));
        Assert.Equal(0, c.SignalsSent);
    }

    [Fact]
    public void Does_not_resend_the_same_signal_id()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(Consensus(_clock.NowMs, _commence));
        var first = signals.ExpectMsg<TradeSignal>();

        // same opportunity, same decision bucket: re-evaluated but not re-sent
        market.Tell(Consensus(_clock.NowMs, _commence));
        market.Tell(Snapshot(_clock.NowMs));
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        var state = State(market);
        Assert.Equal(1, state.Counters.SignalsSent);
        Assert.Equal(2, state.Counters.DuplicateSignalsSuppressed);
        Assert.Equal(first.SignalId, state.LastSignal!.SignalId);

        // a later bucket is a new decision
        _clock.Advance(MarketActorSettings.Default.SignalBucket);
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(Consensus(_clock.NowMs, _commence));
        Assert.NotEqual(first.SignalId, signals.ExpectMsg<TradeSignal>().SignalId);
    }

    [Fact]
    public void Coalesces_a_burst_of_changes_into_one_evaluation()
    {
        var (market, signals, _) = Start(new MarketActorSettings { MinEvaluationInterval = TimeSpan.FromSeconds(1) });
        var sinceFirstEvaluation = System.Diagnostics.Stopwatch.StartNew();
        market.Tell(Metadata()); // evaluates at once, before any book: blocked, and does not start the interval
        market.Tell(Snapshot(_clock.NowMs)); // the first book evaluates at once: no consensus yet
        market.Tell(Consensus(_clock.NowMs, _commence));
        for (var i = 0; i < 50; i++)
            market.Tell(new BookDeltaReceived(Ticker, 2 + i, OutcomeSide.Yes, Price.FromCents(30), Quantity.FromContracts(1), _clock.NowMs));

        // before the interval is over only the metadata's and the first book's evaluations ran
        var early = State(market);
        Assert.Equal(2, early.Counters.Evaluations);
        Assert.Equal(50, early.Counters.DeltasApplied);

        var signal = signals.ExpectMsg<TradeSignal>(TimeSpan.FromSeconds(5));
        // not before the interval is over: measured from the first evaluation, so a slow machine cannot fail it
        // (the deferred evaluation runs on the real scheduler; 50 ms allows for the timer wheel's tick)
        Assert.True(sinceFirstEvaluation.ElapsedMilliseconds >= 950, $"signal after {sinceFirstEvaluation.ElapsedMilliseconds} ms");
        Assert.Equal(OutcomeSide.Yes, signal.Side);
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(600));
        Assert.Equal(3, State(market).Counters.Evaluations);
        // evaluated at its due time on the market's event clock (the first book's time + the interval), not when the timer ran
        Assert.Equal(_clock.NowMs + 1_000, signal.CreatedAtMs);
    }

    [Fact]
    public void Evaluates_at_the_changes_own_time_not_the_clocks()
    {
        var (market, signals, _) = Start(new MarketActorSettings { MinEvaluationInterval = TimeSpan.FromMilliseconds(250) });
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs - 5_000));
        // the consensus was received 4 s after the book, more than an interval later: evaluated at once, at its time
        market.Tell(Consensus(_clock.NowMs - 1_000, _commence));
        var signal = signals.ExpectMsg<TradeSignal>();
        Assert.Equal(_clock.NowMs - 1_000, signal.CreatedAtMs);
        Assert.Equal(_clock.NowMs - 1_000, State(market).LastEvaluationAtMs);
    }

    [Fact]
    public void A_change_at_or_after_the_due_time_first_evaluates_the_pending_state_at_the_due_time()
    {
        // no timer: only the changes' own times move the market (as in a replay)
        var (market, signals, _) = Start(new MarketActorSettings { MinEvaluationInterval = TimeSpan.FromMilliseconds(250), DueEvaluationGrace = null });
        var t = _clock.NowMs;
        market.Tell(Metadata());
        market.Tell(Snapshot(t)); // evaluated at t: no consensus
        market.Tell(Consensus(t + 100, _commence)); // pending, due t + 250
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(400));
        Assert.Equal(2, State(market).Counters.Evaluations);

        // a delta received at t + 300 takes the YES ask away; the pending evaluation runs first, on the book before it
        market.Tell(new BookDeltaReceived(Ticker, 2, OutcomeSide.No, Price.FromCents(50), Quantity.FromContracts(-200), t + 300));
        var signal = signals.ExpectMsg<TradeSignal>();
        Assert.Equal(t + 250, signal.CreatedAtMs);
        Assert.Equal(Price.FromCents(50), signal.LimitPrice);
        var state = State(market);
        // and the delta itself, 50 ms after that evaluation, is pending (due t + 500)
        Assert.Equal(3, state.Counters.Evaluations);
        Assert.Equal(t + 250, state.LastEvaluationAtMs);
    }

    [Fact]
    public void Evaluate_due_by_runs_the_pending_evaluation_at_its_due_time_and_tells_what_is_still_pending()
    {
        var (market, signals, _) = Start(new MarketActorSettings { MinEvaluationInterval = TimeSpan.FromMilliseconds(250), DueEvaluationGrace = null });
        var t = _clock.NowMs;
        market.Tell(Metadata());
        market.Tell(Snapshot(t));
        market.Tell(Consensus(t + 100, _commence));

        market.Tell(new EvaluateDueBy(Ticker, t + 249));
        Assert.Equal(new MarketEvaluationsDue(Ticker, t + 250), ExpectMsg<MarketEvaluationsDue>());
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        market.Tell(new EvaluateDueBy(Ticker, t + 1_000));
        Assert.Equal(new MarketEvaluationsDue(Ticker, null), ExpectMsg<MarketEvaluationsDue>());
        Assert.Equal(t + 250, signals.ExpectMsg<TradeSignal>().CreatedAtMs);
    }

    [Fact]
    public void Answers_the_state_query()
    {
        var (market, signals, _) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(new TradeReceived(Ticker, "t-1", Price.FromCents(48), Quantity.FromContracts(3), _clock.NowMs));
        market.Tell(Consensus(_clock.NowMs, _commence));
        var signal = signals.ExpectMsg<TradeSignal>();

        var s = State(market);
        Assert.Equal(Ticker, s.Ticker);
        Assert.True(s.HasMetadata);
        Assert.Equal(MarketTradingStatus.Open, s.Status);
        Assert.True(s.IsWhole);
        Assert.Equal(new BookLevel(Price.FromCents(45), Quantity.FromContracts(200)), s.YesBid);
        Assert.Equal(new BookLevel(Price.FromCents(50), Quantity.FromContracts(200)), s.YesAsk);
        Assert.Equal(new BookLevel(Price.FromCents(55), Quantity.FromContracts(200)), s.NoAsk);
        Assert.Equal(0.60, s.FairYes);
        Assert.Equal(4, s.ConsensusBooks);
        Assert.Equal("evt-1", s.EventId);
        Assert.Equal(T0.AddHours(6), s.GameStart);
        Assert.Equal(0.10, s.YesEdge!.Value, 9);
        Assert.Equal(-0.15, s.NoEdge!.Value, 9);
        Assert.Equal(Price.FromCents(48), s.LastTradePrice);
        Assert.Equal(signal, s.LastSignal);
        Assert.Equal(1, s.Counters.SnapshotsApplied);
        Assert.Equal(1, s.Counters.Trades);
        Assert.Equal(1, s.Counters.SignalsSent);
    }

    [Fact]
    public void Asks_the_feed_for_a_snapshot_once_when_its_own_seq_check_finds_a_gap()
    {
        var (market, _, feed) = Start();
        market.Tell(Metadata());
        market.Tell(Snapshot(_clock.NowMs));
        market.Tell(new BookDeltaReceived(Ticker, 2, OutcomeSide.No, Price.FromCents(50), Quantity.FromContracts(1), _clock.NowMs));
        market.Tell(new BookDeltaReceived(Ticker, 4, OutcomeSide.No, Price.FromCents(50), Quantity.FromContracts(1), _clock.NowMs));
        market.Tell(new BookDeltaReceived(Ticker, 5, OutcomeSide.No, Price.FromCents(50), Quantity.FromContracts(1), _clock.NowMs));

        var request = feed.ExpectMsg<BookResyncRequested>();
        Assert.Equal(BookUpdateResult.Gap, request.Reason);
        feed.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var s = State(market);
        Assert.False(s.IsWhole);
        Assert.Equal(1, s.Counters.BookRejects(BookUpdateResult.Gap));
    }
}
