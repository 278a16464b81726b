using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Detection;

/// <summary>
/// One side of one market to size against a fair value: what <see cref="SignalSizer.Size"/> needs from any strategy.
/// <paramref name="Basis"/> ends the signal's reason (e.g. "4 books"); <paramref name="Confidence"/> scores a signal
/// from its edge per contract and the contracts available at or better than its limit.
/// </summary>
public readonly record struct SizingRequest(
    string StrategyId,
    string Ticker,
    OrderBook Book,
    OutcomeSide Side,
    double Fair,
    DetectionPolicy Policy,
    FeeSchedule Fees,
    Money Bankroll,
    Quantity PerMarketCap,
    long DecisionBucket,
    string Basis,
    Func<double, double, double> Confidence);

/// <summary>A side's sizing: a signal, or the skip with the raw edge (fair − best ask; −∞ without an ask) for ranking.</summary>
public readonly record struct SideSizing(double RawEdge, SignalDecision? Signal, SkipDecision? Skip)
{
    public static SideSizing Skipped(double rawEdge, SkipDecision skip) => new(rawEdge, null, skip);
}
