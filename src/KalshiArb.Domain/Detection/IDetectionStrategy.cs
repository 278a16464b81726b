namespace KalshiArb.Domain.Detection;

/// <summary>
/// One way of finding a trade in one market. Pure: the same input gives the same decision, a signal or a coded skip.
/// A market evaluates every enabled strategy on each change; each signal carries its strategy's id, so orders and P&amp;L
/// can be told apart per strategy.
/// </summary>
public interface IDetectionStrategy
{
    /// <summary>Stable id (journaled with each order): never rename one that has traded.</summary>
    string StrategyId { get; }

    /// <summary>What the market must hold before this strategy is asked (else the market counts a precondition).</summary>
    StrategyNeeds Needs { get; }

    DetectionDecision Evaluate(StrategyInput input);
}
