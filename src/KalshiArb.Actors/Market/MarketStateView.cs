using System.Collections.Immutable;
using KalshiArb.Actors.Contracts;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Detection;

namespace KalshiArb.Actors.Market;

/// <summary>Ask a MarketActor for its <see cref="MarketStateView"/>.</summary>
public sealed record GetMarketState(string Ticker) : ITickerMessage;

/// <summary>
/// One market as the status command and the dashboard show it: top of book, wholeness, consensus, raw edges
/// (fair − ask, before fees), the last signal or skip, and counters. Times are Unix ms.
/// </summary>
public sealed record MarketStateView(
    string Ticker,
    bool HasMetadata,
    MarketTradingStatus Status,
    bool IsWhole,
    BookUpdateResult NotWholeReason,
    BookLevel? YesBid,
    BookLevel? YesAsk,
    BookLevel? NoBid,
    BookLevel? NoAsk,
    long? BookChangedAtMs,
    long? BookAsOfMs,
    Domain.Primitives.Price? LastTradePrice,
    long? LastTradeAtMs,
    double? FairYes,
    int ConsensusBooks,
    double? Dispersion,
    long? ConsensusAsOfMs,
    long? ConsensusChangedAtMs,
    string? EventId,
    DateTimeOffset? GameStart,
    double? YesEdge,
    double? NoEdge,
    TradeSignal? LastSignal,
    SkipReason? LastSkipReason,
    string? LastSkipDetail,
    MarketPrecondition? LastPrecondition,
    long? LastEvaluationAtMs,
    MarketCounters Counters);

/// <summary>Counts since the actor started. Dictionaries hold only non-zero reasons.</summary>
public sealed record MarketCounters(
    long Evaluations,
    long SignalsSent,
    long DuplicateSignalsSuppressed,
    ImmutableDictionary<SkipReason, long> SkipsByReason,
    ImmutableDictionary<MarketPrecondition, long> PreconditionsByReason,
    long SnapshotsApplied,
    long DeltasApplied,
    ImmutableDictionary<BookUpdateResult, long> BookRejectsByReason,
    long Invalidations,
    long Trades)
{
    /// <summary>
    /// <see cref="SkipsByReason"/> split by strategy id when more than one strategy runs; null with one (the totals are
    /// its own) and from nodes that predate it.
    /// </summary>
    public ImmutableDictionary<string, ImmutableDictionary<SkipReason, long>>? SkipsByStrategy { get; init; }

    public long Skips(SkipReason reason) => SkipsByReason.GetValueOrDefault(reason);
    public long Blocked(MarketPrecondition reason) => PreconditionsByReason.GetValueOrDefault(reason);
    public long BookRejects(BookUpdateResult reason) => BookRejectsByReason.GetValueOrDefault(reason);
}
