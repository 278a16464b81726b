using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using KalshiArb.Actors.Contracts;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Candles;
using KalshiArb.Domain.Detection;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Actors.Market;

/// <summary>
/// Everything one market's actor knows, and the evaluation built from it. A plain class (no Akka) so the
/// delta path can be measured for allocations and the evaluation tested without a scheduler.
/// Not thread-safe: owned by one actor.
/// </summary>
public sealed class MarketState
{
    private static readonly int SkipReasonCount = Enum.GetValues<SkipReason>().Length;
    private const string RepeatReason = "repeat of a signal already sent";
    private static readonly int PreconditionCount = Enum.GetValues<MarketPrecondition>().Length;
    private static readonly int BookResultCount = Enum.GetValues<BookUpdateResult>().Length;

    private readonly MarketActorSettings _settings;
    private readonly long[] _skips = new long[SkipReasonCount];

    // Skips per strategy, [strategy * SkipReasonCount + reason], made only when more than one strategy runs: with one,
    // the market's totals are its own (a node holds thousands of markets).
    private long[]? _skipsByStrategy;
    private readonly long[] _preconditions = new long[PreconditionCount];
    private readonly long[] _bookRejects = new long[BookResultCount];
    // made at the first signal: most markets never send one
    private HashSet<string>? _sentIds;
    private Queue<string>? _sentOrder;
    private readonly IReadOnlyList<IDetectionStrategy> _strategies;
    private readonly CandleSeries? _candles;

    private OrderBook _book = new();
    private PriceGrid? _bookGrid;
    private MarketMetadata? _metadata;
    private FeeSchedule _fees;
    private PriceGrid? _grid;
    private ConsensusUpdated? _consensus;

    private long _evaluations;
    private long _signalsSent;
    private long _duplicates;
    private long _snapshots;
    private long _deltas;
    private long _invalidations;
    private long _trades;
    private long _tradesRefused;

    public MarketState(string ticker, MarketActorSettings settings)
    {
        Ticker = ticker;
        _settings = settings;
        if (settings.MeanReversion is { } mr) _candles = new CandleSeries(mr.CandleInterval, mr.CandlesKept);
        _strategies = SharedStrategies.GetValue(settings, BuildStrategies);
    }

    // Strategies hold only their policy, so every market of one settings instance shares them (a node has thousands).
    private static readonly ConditionalWeakTable<MarketActorSettings, IReadOnlyList<IDetectionStrategy>> SharedStrategies = new();

    private static IReadOnlyList<IDetectionStrategy> BuildStrategies(MarketActorSettings settings)
    {
        var strategies = new List<IDetectionStrategy>(2);
        if (settings.ConsensusEdge) strategies.Add(new ConsensusEdgeStrategy(settings.Policy));
        if (settings.MeanReversion is { } mr) strategies.Add(new MeanReversionStrategy(mr));
        return strategies;
    }

    public string Ticker { get; }
    public OrderBook Book => _book;
    public MarketMetadata? Metadata => _metadata;
    public MarketTradingStatus Status { get; private set; }
    public ConsensusUpdated? Consensus => _consensus;

    public long? MetadataChangedAtMs { get; private set; }
    public long? StatusChangedAtMs { get; private set; }
    public long? BookChangedAtMs { get; private set; }

    /// <summary>Last time the feed vouched for the unchanged book (see <see cref="BookConfirmed"/>).</summary>
    public long? BookConfirmedAtMs { get; private set; }
    public long? ConsensusChangedAtMs { get; private set; }
    public long? LastEvaluationAtMs { get; private set; }
    public Price? LastTradePrice { get; private set; }
    public long? LastTradeAtMs { get; private set; }

    public TradeSignal? LastSignal { get; private set; }
    public SkipDecision? LastSkip { get; private set; }
    public MarketPrecondition? LastPrecondition { get; private set; }

    /// <summary>What the most recent evaluation came to (null before the first); the last strategy's when several run.</summary>
    public EvaluationKind? LastOutcome { get; private set; }

    /// <summary>The most recent evaluation had a strategy stopped by the book's age (a confirmation may change that).</summary>
    public bool LastSkippedStale { get; private set; }

    /// <summary>The trade tape's candles; null unless a strategy that needs them runs.</summary>
    public CandleSeries? Candles => _candles;

    /// <summary>Trade prints the candles refused (older than the newest candle, or a bad price or count).</summary>
    public long TradesRefused => _tradesRefused;

    /// <summary>When the book was last known current: its last change, or a later confirmation by the feed.</summary>
    public long? BookAsOfMs => BookConfirmedAtMs is { } c && (BookChangedAtMs is not { } ch || c > ch) ? c : BookChangedAtMs;

    /// <summary>True after the book refused a delta for a reason only a new snapshot repairs, until that snapshot.</summary>
    public bool ResyncRequested { get; private set; }

    public void ApplyMetadata(MarketMetadata m, long nowMs)
    {
        _metadata = m;
        _fees = m.Fees;
        // Keep one grid instance while the ranges do not change, so the next snapshot does not rebuild the book.
        if (_grid is null || !_grid.Ranges.SequenceEqual(m.PriceRanges)) _grid = m.Grid;
        MetadataChangedAtMs = nowMs;
        if (Status != m.Status) StatusChangedAtMs = nowMs;
        Status = m.Status;
    }

    public BookUpdateResult ApplySnapshot(BookSnapshotReceived s)
    {
        // A snapshot replaces everything, so this is where the book picks up the market's price grid.
        if (!ReferenceEquals(_bookGrid, _grid))
        {
            _book = new OrderBook(_grid);
            _bookGrid = _grid;
        }
        var result = _book.ApplySnapshot(s.Seq, s.YesBids.AsSpan(), s.NoBids.AsSpan());
        BookChangedAtMs = s.ReceivedAtMs;
        if (result == BookUpdateResult.Applied)
        {
            _snapshots++;
            ResyncRequested = false;
        }
        else _bookRejects[(int)result]++;
        return result;
    }

    /// <summary>The hot path: no allocation (the book's delta path does not allocate either).</summary>
    public BookUpdateResult ApplyDelta(BookDeltaReceived d)
    {
        var result = _book.ApplyDelta(d.Seq, d.Side, d.Price, d.Delta);
        if (result == BookUpdateResult.Applied)
        {
            _deltas++;
            BookChangedAtMs = d.ReceivedAtMs;
        }
        else _bookRejects[(int)result]++;
        return result;
    }

    /// <summary>Marks that a resync was asked for; false when one is already pending (ask once per break).</summary>
    public bool TryMarkResyncRequested()
    {
        if (ResyncRequested) return false;
        ResyncRequested = true;
        return true;
    }

    public void Invalidate(BookInvalidated i)
    {
        _book.Invalidate();
        _invalidations++;
        BookConfirmedAtMs = null;
        BookChangedAtMs = i.AtMs;
    }

    /// <summary>Only a whole book can be vouched for; a broken one stays broken until its snapshot.</summary>
    public void ConfirmBook(BookConfirmed c)
    {
        if (_book.IsWhole) BookConfirmedAtMs = c.AtMs;
    }

    public void ApplyTrade(TradeReceived t)
    {
        LastTradePrice = t.YesPrice;
        LastTradeAtMs = t.AtMs;
        _trades++;
        if (_candles?.Add(t.YesPrice, t.Count, t.AtMs) is TradeTapeResult.TooOld or TradeTapeResult.Invalid) _tradesRefused++;
    }

    public void ApplyStatus(MarketStatusChanged s)
    {
        if (Status != s.Status) StatusChangedAtMs = s.AtMs;
        Status = s.Status;
    }

    public void ApplyConsensus(ConsensusUpdated c, long nowMs)
    {
        _consensus = c;
        ConsensusChangedAtMs = nowMs;
    }

    public void WithdrawConsensus(long nowMs)
    {
        _consensus = null;
        ConsensusChangedAtMs = nowMs;
    }

    /// <summary>
    /// Runs every enabled strategy on the current state, in order (consensus first); counts each outcome; remembers sent
    /// signal ids. One entry per strategy, or one blocked entry when the market itself is not ready.
    /// </summary>
    public IReadOnlyList<MarketEvaluation> Evaluate(DateTimeOffset now)
    {
        _evaluations++;
        var nowMs = now.ToUnixTimeMilliseconds();
        LastEvaluationAtMs = nowMs;
        LastSkippedStale = false;

        if (_metadata is null) return [Block(MarketPrecondition.NoMetadata)];
        if (Status != MarketTradingStatus.Open) return [Block(MarketPrecondition.MarketNotOpen)];

        var input = new StrategyInput
        {
            Ticker = Ticker,
            Book = _book,
            // no book message ever: as old as can be (the book is also not whole then)
            BookAge = BookAsOfMs is { } b ? TimeSpan.FromMilliseconds(Math.Max(0, nowMs - b)) : TimeSpan.MaxValue,
            Now = now,
            Bankroll = _settings.Bankroll,
            PerMarketCap = _settings.PerMarketCap,
            Fees = _fees,
            DecisionBucket = SignalId.TimeBucket(now, _settings.SignalBucket),
            Consensus = _consensus is { } c
                ? new MarketConsensus(c.FairYes, c.FreshBooks, c.Dispersion, TimeSpan.FromMilliseconds(Math.Max(0, nowMs - c.AsOfMs)), c.CommenceTime)
                : null,
            Candles = _candles,
        };
        var outcomes = new MarketEvaluation[_strategies.Count];
        for (var i = 0; i < outcomes.Length; i++) outcomes[i] = Evaluate(i, input, nowMs);
        return outcomes;
    }

    private MarketEvaluation Evaluate(int index, StrategyInput input, long nowMs)
    {
        var strategy = _strategies[index];
        if ((strategy.Needs & StrategyNeeds.Consensus) != 0 && input.Consensus is null) return Block(MarketPrecondition.NoConsensus);
        switch (strategy.Evaluate(input))
        {
            case SignalDecision s:
                if (!Remember(s.SignalId))
                {
                    _duplicates++;
                    LastOutcome = EvaluationKind.DuplicateSignal;
                    // never sent, so its reason is not formatted (a standing opportunity repeats on every change)
                    return new MarketEvaluation(EvaluationKind.DuplicateSignal, new TradeSignal(s.SignalId, Ticker, s.Side, s.LimitPrice, s.Size,
                        s.FairProbability, s.EdgePerContract, s.Confidence, RepeatReason, nowMs, s.StrategyId), null, null);
                }
                var signal = new TradeSignal(s.SignalId, Ticker, s.Side, s.LimitPrice, s.Size, s.FairProbability,
                    s.EdgePerContract, s.Confidence, s.Reason, nowMs, s.StrategyId);
                _signalsSent++;
                LastSignal = signal;
                LastOutcome = EvaluationKind.Signal;
                return new MarketEvaluation(EvaluationKind.Signal, signal, null, null);
            case SkipDecision skip:
                _skips[(int)skip.Reason]++;
                if (_strategies.Count > 1) (_skipsByStrategy ??= new long[_strategies.Count * SkipReasonCount])[index * SkipReasonCount + (int)skip.Reason]++;
                LastSkip = skip;
                LastPrecondition = null;
                LastOutcome = EvaluationKind.Skipped;
                LastSkippedStale |= skip.Reason == SkipReason.BookStale;
                return new MarketEvaluation(EvaluationKind.Skipped, null, skip, null);
            default:
                throw new InvalidOperationException($"strategy {strategy.StrategyId} returned neither a signal nor a skip");
        }
    }

    public MarketStateView View()
    {
        double? fair = _consensus?.FairYes;
        var yesAsk = _book.BestYesAsk;
        var noAsk = _book.BestNoAsk;
        return new MarketStateView(
            Ticker,
            _metadata is not null,
            Status,
            _book.IsWhole,
            _book.NotWholeReason,
            _book.BestYesBid,
            yesAsk,
            _book.BestNoBid,
            noAsk,
            BookChangedAtMs,
            BookAsOfMs,
            LastTradePrice,
            LastTradeAtMs,
            fair,
            _consensus?.FreshBooks ?? 0,
            _consensus?.Dispersion,
            _consensus?.AsOfMs,
            ConsensusChangedAtMs,
            _consensus?.EventId,
            _consensus?.CommenceTime ?? _metadata?.GameStart,
            fair is { } f && yesAsk is { } ya ? f - Dollars(ya.Price) : null,
            fair is { } g && noAsk is { } na ? 1 - g - Dollars(na.Price) : null,
            LastSignal,
            LastSkip?.Reason,
            LastSkip?.Detail,
            LastPrecondition,
            LastEvaluationAtMs,
            Counters());
    }

    public MarketCounters Counters() => new(
        _evaluations, _signalsSent, _duplicates,
        CountsByReason.Of<SkipReason>(_skips), CountsByReason.Of<MarketPrecondition>(_preconditions),
        _snapshots, _deltas, CountsByReason.Of<BookUpdateResult>(_bookRejects), _invalidations, _trades)
    {
        SkipsByStrategy = _skipsByStrategy is { } by
            ? _strategies.Select((strategy, i) => KeyValuePair.Create(strategy.StrategyId,
                CountsByReason.Of<SkipReason>(by[(i * SkipReasonCount)..((i + 1) * SkipReasonCount)]))).ToImmutableDictionary(StringComparer.Ordinal)
            : null,
    };

    private MarketEvaluation Block(MarketPrecondition reason)
    {
        _preconditions[(int)reason]++;
        LastPrecondition = reason;
        LastOutcome = EvaluationKind.Blocked;
        return new MarketEvaluation(EvaluationKind.Blocked, null, null, reason);
    }

    private bool Remember(string signalId)
    {
        _sentIds ??= new HashSet<string>(StringComparer.Ordinal);
        _sentOrder ??= new Queue<string>();
        if (!_sentIds.Add(signalId)) return false;
        _sentOrder.Enqueue(signalId);
        while (_sentOrder.Count > Math.Max(1, _settings.RememberedSignalIds)) _sentIds.Remove(_sentOrder.Dequeue());
        return true;
    }

    private static double Dollars(Price p) => (double)p.Ticks / Price.TicksPerDollar;
}
