using static KalshiArb.Domain.Tests.Detection.DetectionCases;
using static KalshiArb.Domain.Tests.Detection.MeanReversionCases;

namespace KalshiArb.Domain.Tests.Detection;

public class MeanReversionStrategyTests
{
    private static readonly MeanReversionStrategy Strategy = new(Policy);

    [Fact]
    public void Last_trade_below_the_mean_buys_YES_toward_it()
    {
        // last 0.44: 0.06 below the mean 0.50 (>= 0.03) → fair YES 0.44 + 0.5 × 0.06 = 0.47.
        // YES ask 0.42 × 100: fee ceil(0.07 × 100 × 0.42 × 0.58) = 1.71, all-in 0.4371, edge 0.0329 ≥ 0.02;
        // Kelly ¼ × 0.0329/0.5629 × $10,000 / 0.4371 = 334 contracts > the 100 offered → 100.
        var book = MarketBook("0.42", "100", yesBid: "0.40");
        var s = Assert.IsType<SignalDecision>(Strategy.Evaluate(Input(book, Tape("0.44"))));
        Assert.Equal(StrategyIds.MeanReversion, s.StrategyId);
        Assert.Equal(OutcomeSide.Yes, s.Side);
        Assert.Equal(Price.Parse("0.42"), s.LimitPrice);
        Assert.Equal(Quantity.FromContracts(100), s.Size);
        Assert.Equal(Money.Parse("1.71"), s.TakerFee);
        Assert.Equal(Money.Parse("43.71"), s.TotalCost);
        Assert.Equal(0.47, s.FairProbability, 10);
        Assert.Equal(0.0329, s.EdgePerContract, 10);
        Assert.InRange(s.Confidence, 0, 1);
        Assert.Equal(SignalId.Create(StrategyIds.MeanReversion, Ticker, OutcomeSide.Yes, Price.Parse("0.42"), 42), s.SignalId);
        Assert.Contains("mean 0.5 of 4 candles", s.Reason);
    }

    [Fact]
    public void Last_trade_above_the_mean_buys_NO_toward_it()
    {
        // the mirror: last 0.56 → fair YES 0.53, fair NO 0.47; NO ask 0.42 (YES bid 0.58)
        var book = MarketBook([L("0.58", "100")], [L("0.40", "100")]);
        var s = Assert.IsType<SignalDecision>(Strategy.Evaluate(Input(book, Tape("0.56"))));
        Assert.Equal(OutcomeSide.No, s.Side);
        Assert.Equal(Price.Parse("0.42"), s.LimitPrice);
        Assert.Equal(Quantity.FromContracts(100), s.Size);
        Assert.Equal(0.47, s.FairProbability, 10);
        Assert.Equal(0.0329, s.EdgePerContract, 10);
    }

    [Fact]
    public void A_stretch_that_fees_eat_is_skipped_with_the_sizers_reason()
    {
        // YES ask 0.44: all-in 0.44 + 0.0173 = 0.4573, edge 0.0127 < 0.02 although the raw edge is 0.03
        var book = MarketBook("0.44", "100", yesBid: "0.40");
        var skip = Skipped(Strategy.Evaluate(Input(book, Tape("0.44"))), SkipReason.FeesEatEdge);
        Assert.Equal(OutcomeSide.Yes, skip.Side);
    }

    public static TheoryData<string, Func<StrategyInput, StrategyInput>, SkipReason> SkipTable => new()
    {
        { "book not whole", i => i with { Book = Broken() }, SkipReason.BookNotWhole },
        { "stale book", i => i with { BookAge = TimeSpan.FromSeconds(31) }, SkipReason.BookStale },
        { "no candles", i => i with { Candles = null }, SkipReason.TooFewCandles },
        { "four candles", i => i with { Candles = Tape("0.44", "0.50", "0.52", "0.50") }, SkipReason.TooFewCandles },
        { "stale tape", i => i with { Now = i.Now.AddMinutes(6) }, SkipReason.TapeStale },
        { "0.02 off the mean", i => i with { Candles = Tape("0.48") }, SkipReason.NotStretched },
        // MAD 0.02 x 2.5 = 0.05 needed, 0.04 seen
        { "stretch under k x MAD", i => i with { Candles = Tape("0.46", "0.48", "0.52", "0.48", "0.52") }, SkipReason.NotStretched },
        { "no bankroll", i => i with { Bankroll = Money.Zero }, SkipReason.NoBankroll },
    };

    [Theory]
    [MemberData(nameof(SkipTable))]
    public void Skip_table(string name, Func<StrategyInput, StrategyInput> change, SkipReason expected)
    {
        var baseline = Input(MarketBook("0.42", "100", yesBid: "0.40"), Tape("0.44"));
        Assert.IsType<SignalDecision>(Strategy.Evaluate(baseline));
        Skipped(Strategy.Evaluate(change(baseline)), expected);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Consensus_strategy_without_a_consensus_skips_and_with_one_matches_the_edge_detector()
    {
        var consensus = new ConsensusEdgeStrategy(DetectionPolicy.Default);
        var input = Input(MarketBook("0.50", "100"), Tape("0.44"));
        Skipped(consensus.Evaluate(input), SkipReason.NoConsensus);

        var withOdds = input with { Consensus = new MarketConsensus(0.55, 5, 0.01, TimeSpan.FromSeconds(30), MeanReversionCases.Now.AddHours(2)) };
        var s = Assert.IsType<SignalDecision>(consensus.Evaluate(withOdds));
        var direct = Assert.IsType<SignalDecision>(EdgeDetector.Evaluate(DetectionCases.Input(MarketBook("0.50", "100"), 0.55) with { Now = MeanReversionCases.Now, GameStart = MeanReversionCases.Now.AddHours(2) }));
        Assert.Equal(direct, s);
        Assert.Equal(StrategyIds.ConsensusEdge, s.StrategyId);
    }

    private static OrderBook Broken()
    {
        var book = MarketBook("0.42", "100", yesBid: "0.40");
        book.Invalidate();
        return book;
    }
}
