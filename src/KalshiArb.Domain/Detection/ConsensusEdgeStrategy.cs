namespace KalshiArb.Domain.Detection;

/// <summary>The sportsbook-consensus edge (<see cref="EdgeDetector"/>) as a strategy.</summary>
public sealed class ConsensusEdgeStrategy(DetectionPolicy policy) : IDetectionStrategy
{
    public DetectionPolicy Policy { get; } = policy;

    public string StrategyId => StrategyIds.ConsensusEdge;

    public StrategyNeeds Needs => StrategyNeeds.Consensus;

    public DetectionDecision Evaluate(StrategyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Consensus is not { } c) return new SkipDecision(input.Ticker, SkipReason.NoConsensus, null, "no sportsbook consensus");
        return EdgeDetector.Evaluate(new DetectionInput
        {
            Ticker = input.Ticker,
            Book = input.Book,
            FairYes = c.FairYes,
            ConsensusBooks = c.Books,
            Dispersion = c.Dispersion,
            OddsAge = c.OddsAge,
            BookAge = input.BookAge,
            GameStart = c.GameStart,
            Now = input.Now,
            Bankroll = input.Bankroll,
            PerMarketCap = input.PerMarketCap,
            Fees = input.Fees,
            DecisionBucket = input.DecisionBucket,
            Policy = Policy,
        });
    }
}
