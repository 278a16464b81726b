using static KalshiArb.Domain.Tests.Detection.DetectionCases;

namespace KalshiArb.Domain.Tests.Detection;

public class EdgeDetectorTests
{
    private static SignalDecision Signal(DetectionDecision d) =>
        Assert.IsType<SignalDecision>(d);

    [Fact]
    public void Worked_example_q55_p50_100_contracts()
    {
        var input = Input(MarketBook("0.50", "100"), 0.55);
        var s = Signal(EdgeDetector.Evaluate(input));
        Assert.Equal(OutcomeSide.Yes, s.Side);
        Assert.Equal(Quantity.FromContracts(100), s.Size);
        Assert.Equal(Price.Parse("0.50"), s.LimitPrice);
        Assert.Equal(Money.Parse("1.75"), s.TakerFee);
        Assert.Equal(Money.Parse("51.75"), s.TotalCost);
        Assert.Equal(0.5175, s.AllInCostPerContract, 10);
        Assert.Equal(0.0325, s.EdgePerContract, 10);
        Assert.Equal(3.25, s.ExpectedValue, 8);
        Assert.Equal(0.067358, s.KellyFullFraction, 6);
        Assert.Equal(Price.Parse("0.54"), s.BreakEvenExit);
        Assert.InRange(s.Confidence, 0, 1);
        Assert.Equal(SignalId.Create(Ticker, OutcomeSide.Yes, Price.Parse("0.50"), 42), s.SignalId);
        Assert.Contains("buy YES", s.Reason);
    }

    public static TheoryData<string, double, SkipReason?> EdgeTable => new()
    {
        // P = 0.50 taker: all-in 0.5175; threshold 0.02 → fair must exceed 0.5375
        { "just above threshold", 0.5385, null },
        { "just below threshold: raw edge clears, fee does not", 0.5365, SkipReason.FeesEatEdge },
        { "fees eat a 3c raw edge", 0.53, SkipReason.FeesEatEdge },
        { "raw edge below threshold", 0.51, SkipReason.EdgeBelowThreshold },
        { "fair below ask on both sides", 0.48, SkipReason.EdgeBelowThreshold },
    };

    [Theory]
    [MemberData(nameof(EdgeTable))]
    public void Edge_threshold_table(string name, double fair, SkipReason? expected)
    {
        // NO ask here is 0.55 (YES bid 0.45): NO never has an edge in these rows.
        var d = EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), fair));
        if (expected is null)
        {
            var s = Signal(d);
            Assert.True(s.EdgePerContract > 0.02, name);
        }
        else
        {
            var skip = Skipped(d, expected.Value);
            Assert.Equal(OutcomeSide.Yes, skip.Side);
        }
    }

    public static TheoryData<string, Func<DetectionInput, DetectionInput>, SkipReason> FreshnessTable => new()
    {
        { "stale book", i => i with { BookAge = TimeSpan.FromSeconds(31) }, SkipReason.BookStale },
        { "stale odds", i => i with { OddsAge = TimeSpan.FromMinutes(6) }, SkipReason.OddsStale },
        { "game started", i => i with { Now = i.GameStart }, SkipReason.GameStarted },
        { "too few books", i => i with { ConsensusBooks = 2 }, SkipReason.TooFewBooks },
        { "fair value NaN", i => i with { FairYes = double.NaN }, SkipReason.InvalidFairValue },
        { "fair value 1", i => i with { FairYes = 1.0 }, SkipReason.InvalidFairValue },
        { "no bankroll", i => i with { Bankroll = Money.Zero }, SkipReason.NoBankroll },
        { "cap exhausted", i => i with { PerMarketCap = Quantity.Zero }, SkipReason.SizeBelowMinimum },
        { "tiny bankroll", i => i with { Bankroll = Money.FromDollars(10) }, SkipReason.SizeBelowMinimum },
        { "stale book beats stale odds", i => i with { BookAge = TimeSpan.FromMinutes(1), OddsAge = TimeSpan.FromHours(1) }, SkipReason.BookStale },
    };

    [Theory]
    [MemberData(nameof(FreshnessTable))]
    public void Freshness_and_bounds_table(string name, Func<DetectionInput, DetectionInput> change, SkipReason expected)
    {
        var baseline = Input(MarketBook("0.50", "100"), 0.55);
        Assert.IsType<SignalDecision>(EdgeDetector.Evaluate(baseline));
        Skipped(EdgeDetector.Evaluate(change(baseline)), expected);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Unwhole_book_is_skipped_first()
    {
        var book = MarketBook("0.50", "100");
        Assert.Equal(BookUpdateResult.Gap, book.ApplyDelta(5, OutcomeSide.Yes, Price.Parse("0.40"), Quantity.Parse("1")));
        var skip = Skipped(EdgeDetector.Evaluate(Input(book, 0.55) with { OddsAge = TimeSpan.FromHours(1) }), SkipReason.BookNotWhole);
        Assert.Contains("Gap", skip.Detail);
        Assert.Null(skip.Side);
    }

    [Fact]
    public void Crossed_book_is_skipped() =>
        Skipped(EdgeDetector.Evaluate(Input(MarketBook([L("0.52", "1")], [L("0.50", "1")]), 0.55)), SkipReason.BookCrossed);

    [Fact]
    public void In_play_allowed_by_policy_trades()
    {
        var input = Input(MarketBook("0.50", "100"), 0.55) with { Policy = new DetectionPolicy { AllowInPlay = true } };
        var s = Signal(EdgeDetector.Evaluate(input with { Now = input.GameStart.AddMinutes(5) }));
        Assert.Equal(Quantity.FromContracts(100), s.Size);
    }

    [Fact]
    public void Empty_book_has_no_liquidity() =>
        Skipped(EdgeDetector.Evaluate(Input(MarketBook([], []), 0.55)), SkipReason.NoLiquidity);

    [Fact]
    public void Fractional_liquidity_below_one_contract_is_no_liquidity() =>
        Skipped(EdgeDetector.Evaluate(Input(MarketBook("0.50", "0.50"), 0.55)), SkipReason.NoLiquidity);

    [Fact]
    public void Size_is_bounded_by_liquidity_at_or_better_than_limit()
    {
        // 37 at 0.50, then 500 at 0.60 which the fair value 0.55 cannot pay for
        var book = MarketBook([L("0.45", "100")], [L("0.50", "37"), L("0.40", "500")]);
        var s = Signal(EdgeDetector.Evaluate(Input(book, 0.55)));
        Assert.Equal(Quantity.FromContracts(37), s.Size);
        Assert.Equal(Price.Parse("0.50"), s.LimitPrice);
    }

    [Fact]
    public void Size_walks_levels_that_still_clear_the_threshold()
    {
        // asks 0.50×20 and 0.52×30 (all-in 0.5375 leaves 0.0425 at fair 0.58) and 0.56×100 (fails)
        var book = MarketBook([L("0.30", "10")], [L("0.50", "20"), L("0.48", "30"), L("0.44", "100")]);
        var s = Signal(EdgeDetector.Evaluate(Input(book, 0.58)));
        Assert.Equal(Quantity.FromContracts(50), s.Size);
        Assert.Equal(Price.Parse("0.52"), s.LimitPrice);
        Assert.Equal(Money.Parse("25.60"), s.TotalCost - s.TakerFee);
        Assert.Equal(Price.Parse("0.5120"), s.AveragePrice);
    }

    [Fact]
    public void Size_is_bounded_by_kelly()
    {
        // 0.25 × 0.067358 × $1,000 / 0.5175 = 32.5 → 32 contracts; fee 0.07×32×0.25 = 0.56, all-in still 0.5175
        var s = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.50", "500"), 0.55) with { Bankroll = Money.FromDollars(1_000) }));
        Assert.Equal(Quantity.FromContracts(32), s.Size);
        Assert.Equal(Money.Parse("0.56"), s.TakerFee);
    }

    [Fact]
    public void Size_is_bounded_by_per_market_cap()
    {
        var s = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.50", "500"), 0.55) with { PerMarketCap = Quantity.FromContracts(10) }));
        Assert.Equal(Quantity.FromContracts(10), s.Size);
        Assert.Equal(Money.Parse("0.18"), s.TakerFee);
        Assert.Equal(0.032, s.EdgePerContract, 10);
    }

    [Fact]
    public void Fee_rounding_at_small_size_can_eat_the_edge()
    {
        // 1 contract at 0.50 pays a 2c fee: all-in 0.52, edge 0.0185 < 0.02, though 100 contracts would clear
        var d = EdgeDetector.Evaluate(Input(MarketBook("0.50", "1"), 0.5385));
        Skipped(d, SkipReason.FeesEatEdge);
    }

    [Fact]
    public void Break_even_impossible_is_never_opened()
    {
        // 1 contract at 0.98 + 1c fee = 0.99; selling at 0.99 returns 0.98 after fee
        var input = Input(MarketBook("0.98", "1", yesBid: "0.01"), 0.999) with { Policy = new DetectionPolicy { MinEdge = 0.005 } };
        Skipped(EdgeDetector.Evaluate(input), SkipReason.BreakEvenImpossible);
        // with depth the fee per contract falls and an exit at 0.99 covers
        var deep = Input(MarketBook("0.98", "100", yesBid: "0.01"), 0.999) with { Policy = new DetectionPolicy { MinEdge = 0.005 } };
        Assert.Equal(Price.Parse("0.99"), Signal(EdgeDetector.Evaluate(deep)).BreakEvenExit);
    }

    [Fact]
    public void No_side_signal_uses_one_minus_fair()
    {
        // YES bid 0.50 → NO ask 0.50; fair YES 0.40 → NO fair 0.60
        var s = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.70", "100", yesBid: "0.50", bidSize: "80"), 0.40)));
        Assert.Equal(OutcomeSide.No, s.Side);
        Assert.Equal(0.60, s.FairProbability, 12);
        Assert.Equal(Quantity.FromContracts(80), s.Size);
        Assert.Equal(0.60 - 0.5175, s.EdgePerContract, 10);
        Assert.Contains("buy NO", s.Reason);
    }

    [Fact]
    public void Skip_reports_the_side_closer_to_trading()
    {
        // YES: raw edge 0.03 eaten by fees; NO: fair 0.47 vs ask 0.55, far below
        var skip = Skipped(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.53)), SkipReason.FeesEatEdge);
        Assert.Equal(OutcomeSide.Yes, skip.Side);
    }

    [Fact]
    public void Same_input_gives_same_decision_and_id()
    {
        var a = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.55)));
        var b = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.55)));
        Assert.Equal(a, b);
        var later = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.55) with { DecisionBucket = 43 }));
        Assert.NotEqual(a.SignalId, later.SignalId);
    }

    [Fact]
    public void Confidence_falls_with_dispersion_and_few_books_and_near_start()
    {
        var good = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.55))).Confidence;
        var split = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.55) with { Dispersion = 0.04 })).Confidence;
        var near = Signal(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.55) with { GameStart = Now.AddMinutes(2) })).Confidence;
        Assert.True(split < good);
        Assert.True(near < good);
    }
}
