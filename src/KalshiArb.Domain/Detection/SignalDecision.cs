namespace KalshiArb.Domain.Detection;

/// <summary>
/// Buy <see cref="Size"/> of <see cref="Side"/> at no more than <see cref="LimitPrice"/> (a taker order).
/// <see cref="StrategyId"/> names the strategy that found it. Money fields are exact; edge, EV and Kelly are doubles because they rest on the probability q.
/// </summary>
public sealed record SignalDecision(
    string Ticker,
    string SignalId,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Size,
    Price AveragePrice,
    Money TakerFee,
    Money TotalCost,
    double FairProbability,
    double AllInCostPerContract,
    double EdgePerContract,
    double ExpectedValue,
    double KellyFullFraction,
    double Confidence,
    Price BreakEvenExit,
    string Reason,
    string StrategyId = StrategyIds.ConsensusEdge) : DetectionDecision(Ticker);
