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
    string StrategyId = StrategyIds.ConsensusEdge) : DetectionDecision(Ticker)
{
    private DeferredText _reason = new(Reason);

    /// <summary>
    /// A signal whose reason is formatted only when read (<see cref="DeferredText"/>): a market keeps finding the same
    /// signal while it stands, and only the first, sent on, is ever read.
    /// </summary>
    internal SignalDecision(string ticker, string signalId, OutcomeSide side, Price limitPrice, Quantity size, Price averagePrice, Money takerFee,
        Money totalCost, double fairProbability, double allInCostPerContract, double edgePerContract, double expectedValue,
        double kellyFullFraction, double confidence, Price breakEvenExit, Func<string> describeReason, string strategyId)
        : this(ticker, signalId, side, limitPrice, size, averagePrice, takerFee, totalCost, fairProbability, allInCostPerContract,
            edgePerContract, expectedValue, kellyFullFraction, confidence, breakEvenExit, "", strategyId) =>
        _reason = new DeferredText(describeReason);

    public string Reason
    {
        get => _reason.Value;
        init => _reason = new DeferredText(value);
    }
}
