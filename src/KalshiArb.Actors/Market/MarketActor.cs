using Akka.Event;
using KalshiArb.Actors.Metrics;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Detection;

namespace KalshiArb.Actors.Market;

/// <summary>
/// One Kalshi market: holds its metadata, book, last trade and consensus (in <see cref="MarketState"/>), and on
/// each change runs its detection strategies (<see cref="MarketState.Evaluate"/>) — at most once per <see cref="MarketActorSettings.MinEvaluationInterval"/>,
/// a burst of changes inside the interval coalescing into one evaluation (<see cref="EvaluationGate"/>). When it evaluates and
/// the "now" it evaluates with come from the changes' own times (their receive time), not from when this actor runs, so a
/// replay of a recording evaluates the same book states at the same times as the live run did. A signal goes to the
/// signal sink (the execution side); a skip is recorded. Never places orders itself.
/// Keyed by ticker only, so the "market" shard region can host it unchanged.
/// </summary>
public sealed class MarketActor : UntypedActor
{
    // Untyped, with the logger, the coalescing timer and the once-only warnings made when first needed: a node holds
    // thousands of these and most sit quiet, so a ReceiveActor's handler delegates, a TimerScheduler and a HashSet per
    // market were about 1.5 KB each of the 6.7 KB a loaded market costs (memory harness).
    private readonly MarketState _state;
    private readonly MarketActorSettings _settings;
    private readonly IActorRef _signalSink;
    private readonly ICanTell _feed;
    private readonly TimeProvider _clock;
    private ILoggingAdapter? _log;
    private ICancelable? _evaluationTimer;
    private ulong _warnedBadData; // one bit per SkipReason already warned about
    private readonly EvaluationGate _gate;

    /// <param name="signalSink">Receives every <see cref="Contracts.TradeSignal"/> (the node's order admission).</param>
    /// <param name="feed">
    /// Receives <see cref="BookResyncRequested"/> when the book breaks on its own (null: nobody). A
    /// <c>RegisteredActor</c> works too, so the feed (a cluster singleton proxy) may be registered after the markets.
    /// </param>
    public static Props Props(string ticker, IActorRef signalSink, MarketActorSettings? settings = null, TimeProvider? clock = null,
        ICanTell? feed = null) =>
        Akka.Actor.Props.Create(() => new MarketActor(ticker, signalSink, settings ?? MarketActorSettings.Default,
            clock ?? TimeProvider.System, feed ?? ActorRefs.Nobody));

    public MarketActor(string ticker, IActorRef signalSink, MarketActorSettings settings, TimeProvider clock, ICanTell feed)
    {
        _settings = settings;
        _signalSink = signalSink;
        _feed = feed;
        _clock = clock;
        _state = new MarketState(ticker, settings);
        _gate = new EvaluationGate((long)settings.MinEvaluationInterval.TotalMilliseconds);
    }

    private ILoggingAdapter Log => _log ??= Context.GetLogger();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case BookDeltaReceived d:
                FlushDue(d.ReceivedAtMs);
                OnDelta(d);
                break;
            case BookSnapshotReceived s:
                FlushDue(s.ReceivedAtMs);
                OnSnapshot(s);
                break;
            case BookInvalidated i:
                FlushDue(i.AtMs);
                _state.Invalidate(i);
                break;
            case BookConfirmed c:
                FlushDue(c.AtMs);
                _state.ConfirmBook(c);
                // only worth a look if staleness was what stopped the last evaluation
                if (_state.LastSkippedStale) RequestEvaluation(c.AtMs);
                break;
            case TradeReceived t:
                // the print's own time is the exchange's (in whole seconds, behind the receive time): the market's latest counts
                _state.ApplyTrade(t);
                // only the tape strategy reads trades; without it a print changes nothing worth evaluating
                if (_state.Candles is not null) RequestEvaluation(LatestMs());
                break;
            case MarketMetadata m:
                // the catalog's answer carries no receive time: it counts at the market's latest time
                var metadataAt = LatestMs();
                FlushDue(metadataAt);
                _state.ApplyMetadata(m, metadataAt);
                RequestEvaluation(metadataAt);
                break;
            case MarketStatusChanged st:
                _state.ApplyStatus(st);
                RequestEvaluation(LatestMs());
                break;
            case ConsensusUpdated cu:
                // the odds answer's receive time (AsOfMs): where the consensus stands among the book changes
                FlushDue(cu.AsOfMs);
                _state.ApplyConsensus(cu, _gate.TimeOf(cu.AsOfMs));
                RequestEvaluation(cu.AsOfMs);
                break;
            case ConsensusWithdrawn w:
                FlushDue(w.AtMs);
                _state.WithdrawConsensus(_gate.TimeOf(w.AtMs));
                Log.Info("{0}: consensus withdrawn ({1})", _state.Ticker, w.ReasonCode);
                break;
            case GetMarketState:
                Sender.Tell(_state.View());
                break;
            case EvaluateDueBy by:
                FlushDue(by.AtMs);
                Sender.Tell(new MarketEvaluationsDue(_state.Ticker, _gate.PendingDueMs));
                break;
            case EvaluateDue due:
                // a timer of an evaluation since flushed by a later change finds another (or no) due time: nothing to do
                if (_gate.PendingDueMs == due.DueMs) FlushDue(due.DueMs);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        _evaluationTimer?.Cancel();
        base.PostStop();
    }

    /// <summary>A restart lost the book: ask for a snapshot now rather than wait for the next reconnect.</summary>
    protected override void PostRestart(Exception reason)
    {
        base.PostRestart(reason);
        _state.TryMarkResyncRequested();
        _feed.Tell(new BookResyncRequested(_state.Ticker, BookUpdateResult.AwaitingSnapshot), Self);
    }

    private void OnDelta(BookDeltaReceived d)
    {
        var result = _state.ApplyDelta(d);
        if (result == BookUpdateResult.Applied)
        {
            RequestEvaluation(d.ReceivedAtMs);
            return;
        }
        if (result != BookUpdateResult.AwaitingSnapshot && _state.TryMarkResyncRequested())
            _feed.Tell(new BookResyncRequested(_state.Ticker, result), Self);
    }

    private void OnSnapshot(BookSnapshotReceived s)
    {
        var result = _state.ApplySnapshot(s);
        if (result != BookUpdateResult.Applied)
            Log.Warning("{0}: snapshot refused: {1}", _state.Ticker, result);
        RequestEvaluation(s.ReceivedAtMs);
    }

    /// <summary>Before a change stamped <paramref name="atMs"/>: the pending evaluation due by then runs first, at its due time.</summary>
    private void FlushDue(long atMs)
    {
        if (_gate.TakeDue(atMs) is not { } due) return;
        _evaluationTimer?.Cancel();
        _evaluationTimer = null;
        Evaluate(due);
    }

    /// <summary>
    /// After a change stamped <paramref name="atMs"/>: evaluates now if the interval since the last evaluation has passed,
    /// else once it has (the next change at or after the due time, the timer, or the replay's barrier).
    /// </summary>
    private void RequestEvaluation(long atMs)
    {
        // Before the market's first book message no strategy can signal: such an evaluation (the catalog's metadata, an
        // early consensus) only counts its block or skip, and does not start the interval for the first book.
        if (_state.BookChangedAtMs is null)
        {
            Evaluate(_gate.TimeOf(atMs));
            return;
        }
        if (_gate.OnChange(atMs) is { } now)
        {
            Evaluate(now);
            return;
        }
        if (_evaluationTimer is not null || _gate.PendingDueMs is not { } dueMs || _settings.DueEvaluationGrace is not { } grace) return;
        var wait = TimeSpan.FromMilliseconds(Math.Max(0, dueMs - NowMs())) + grace;
        _evaluationTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(wait, Self, new EvaluateDue(dueMs), Self);
    }

    private void Evaluate(long atMs)
    {
        foreach (var outcome in _state.Evaluate(DateTimeOffset.FromUnixTimeMilliseconds(atMs))) Report(outcome);
    }

    /// <summary>The market's latest time: its latest change's, or (before any) the clock's.</summary>
    private long LatestMs() => _gate.LatestMs ?? NowMs();

    private void Report(MarketEvaluation outcome)
    {
        if (outcome is { Kind: EvaluationKind.Skipped, Skip: { } skip }) TradingInstruments.RecordSkip(skip.Reason);
        switch (outcome.Kind)
        {
            case EvaluationKind.Signal:
                // No sender: the order's fate is the execution side's to track, not this market's.
                _signalSink.Tell(outcome.Signal, ActorRefs.NoSender);
                TradingInstruments.RecordSignal();
                Log.Info("{0}: {1} signal {2}", _state.Ticker, outcome.Signal!.StrategyId, outcome.Signal.Reason);
                break;
            case EvaluationKind.DuplicateSignal:
                Log.Debug("{0}: signal {1} already sent", _state.Ticker, outcome.Signal!.SignalId);
                break;
            // bad data usually persists (a wrong mapping, a live game): say it once per market and reason, not every tick
            case EvaluationKind.Skipped when outcome.Skip!.Reason is SkipReason.EdgeTooGood or SkipReason.BooksDisagree
                                             && FirstWarning(outcome.Skip.Reason):
                Log.Warning("{0}: not trading, {1}: {2} (check the team mapping, the book's age or whether the game is live; " +
                             "said once, the skips keep being counted)", _state.Ticker, outcome.Skip.Reason, outcome.Skip.Detail);
                break;
        }
    }

    private bool FirstWarning(SkipReason reason)
    {
        var index = (int)reason;
        if (index is < 0 or >= 64) return true; // beyond the bit set: warn each time rather than never
        var bit = 1UL << index;
        if ((_warnedBadData & bit) != 0) return false;
        _warnedBadData |= bit;
        return true;
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record EvaluateDue(long DueMs);
}
