using KalshiArb.Domain.Detection;

namespace KalshiArb.Actors.Contracts;

/// <summary>
/// A MarketActor's decision to buy <paramref name="Count"/> contracts of <paramref name="Side"/> at up to
/// <paramref name="LimitPrice"/> (in that side's own price). <paramref name="SignalId"/> is deterministic for
/// the same decision, so a signal delivered twice becomes one order (the execution id derives from it).
/// <paramref name="StrategyId"/> names the strategy that found it; a message written before strategies existed has
/// none and reads as the consensus strategy.
/// </summary>
public sealed record TradeSignal(
    string SignalId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Count,
    double FairProbability,
    double EdgePerContract,
    double Confidence,
    string Reason,
    long CreatedAtMs,
    string StrategyId = StrategyIds.ConsensusEdge)
{
    public const string Manifest = "trade-signal.v1";
}
