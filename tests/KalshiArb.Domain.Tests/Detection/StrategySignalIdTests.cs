namespace KalshiArb.Domain.Tests.Detection;

public class StrategySignalIdTests
{
    [Fact]
    public void Consensus_ids_are_unchanged_and_other_strategies_get_their_own()
    {
        var limit = Price.Parse("0.42");
        var legacy = SignalId.Create("T", OutcomeSide.Yes, limit, 7);
        Assert.Equal(legacy, SignalId.Create(StrategyIds.ConsensusEdge, "T", OutcomeSide.Yes, limit, 7));
        var meanReversion = SignalId.Create(StrategyIds.MeanReversion, "T", OutcomeSide.Yes, limit, 7);
        Assert.NotEqual(legacy, meanReversion);
        Assert.StartsWith("sig-", meanReversion);
        Assert.Equal(meanReversion, SignalId.Create(StrategyIds.MeanReversion, "T", OutcomeSide.Yes, limit, 7));
    }
}
