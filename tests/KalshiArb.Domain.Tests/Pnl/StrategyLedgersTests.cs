using KalshiArb.Domain.Pnl;

namespace KalshiArb.Domain.Tests.Pnl;

public class StrategyLedgersTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_strategy_is_booked_as_its_own_account_and_a_missing_id_is_the_consensus_one()
    {
        var l = new StrategyLedgers();
        l.OrderFilled(null);
        Assert.Equal(PnlError.None, l.Apply(null, new PnlFill("A", "", OutcomeSide.Yes, Price.Parse("0.40"), Quantity.FromContracts(10), Money.Parse("0.17"), At)));
        l.OrderFilled(StrategyIds.MeanReversion);
        Assert.Equal(PnlError.None, l.Apply(StrategyIds.MeanReversion,
            new PnlFill("B", "", OutcomeSide.No, Price.Parse("0.50"), Quantity.FromContracts(5), Money.Parse("0.09"), At)));
        l.OrderEnded(StrategyIds.ConsensusEdge);
        l.Apply(new PnlSettlement("A", Price.One, At.AddHours(3)));

        var lines = l.Lines();
        Assert.Equal([StrategyIds.ConsensusEdge, StrategyIds.MeanReversion], lines.Select(x => x.StrategyId));
        // A: 10 YES at 0.40 paid $1 each: 10 − 4.00 − 0.17 fee
        Assert.Equal(new StrategyPnl(StrategyIds.ConsensusEdge, 1, 1, Money.Parse("5.83"), Money.Parse("0.17")), lines[0]);
        // B open: only its fee is realized so far
        Assert.Equal(new StrategyPnl(StrategyIds.MeanReversion, 1, 0, Money.Parse("-0.09"), Money.Parse("0.09")), lines[1]);
    }
}
