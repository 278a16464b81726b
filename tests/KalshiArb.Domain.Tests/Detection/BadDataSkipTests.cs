using static KalshiArb.Domain.Tests.Detection.DetectionCases;

namespace KalshiArb.Domain.Tests.Detection;

/// <summary>An edge too good to be true, or books that disagree, is bad data: skipped with its own reason, never a signal.</summary>
public class BadDataSkipTests
{
    [Fact]
    public void A_fifteen_cent_edge_is_skipped_as_too_good_to_be_true()
    {
        // fair 0.65 against a 0.50 ask: the edge the issue saw bought again and again
        var s = Skipped(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.65)), SkipReason.EdgeTooGood);
        Assert.Equal(OutcomeSide.Yes, s.Side);
        Assert.Contains("bad data", s.Detail);
    }

    [Fact]
    public void The_no_side_is_checked_too()
    {
        // YES ask 0.50, YES bid 0.45 → NO ask 0.55; fair NO 0.70 is 15 cents over it
        var s = Skipped(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.30)), SkipReason.EdgeTooGood);
        Assert.Equal(OutcomeSide.No, s.Side);
    }

    [Fact]
    public void An_edge_at_the_limit_still_trades_and_one_tick_over_does_not()
    {
        // edge exactly 0.10 at the ask: believed (the rule is "above")
        var atLimit = EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.60));
        Assert.IsType<SignalDecision>(atLimit);
        Skipped(EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.6001)), SkipReason.EdgeTooGood);
    }

    [Fact]
    public void The_limit_follows_the_policy()
    {
        var input = Input(MarketBook("0.50", "100"), 0.65);
        var wider = input with { Policy = DetectionPolicy.Default with { MaxEdge = Money.FromCents(20) } };
        Assert.IsType<SignalDecision>(EdgeDetector.Evaluate(wider));
        var tighter = Input(MarketBook("0.50", "100"), 0.55) with { Policy = DetectionPolicy.Default with { MaxEdge = Money.FromCents(4) } };
        Skipped(EdgeDetector.Evaluate(tighter), SkipReason.EdgeTooGood);
    }

    [Fact]
    public void Books_too_far_apart_are_skipped_before_any_edge_is_priced()
    {
        var input = Input(MarketBook("0.50", "100"), 0.55) with { Dispersion = 0.12 };
        var s = Skipped(EdgeDetector.Evaluate(input), SkipReason.BooksDisagree);
        Assert.Null(s.Side);
        Assert.Contains("0.12", s.Detail);
    }

    [Theory]
    [InlineData(0.08, true)]
    [InlineData(0.0801, false)]
    [InlineData(double.NaN, false)]
    public void The_book_spread_limit_is_inclusive_and_nan_counts_as_disagreement(double spread, bool trades)
    {
        var d = EdgeDetector.Evaluate(Input(MarketBook("0.50", "100"), 0.55) with { Dispersion = spread });
        if (trades) Assert.IsType<SignalDecision>(d);
        else Skipped(d, SkipReason.BooksDisagree);
    }

    private static readonly Gen<BookLevel[]> Levels =
        Gen.Choose(1, 99).SelectMany(c => Gen.Choose(100, 30_000).Select(h => new BookLevel(Price.FromCents(c), new Quantity(h))))
            .ArrayOf()
            .Select(a => a.DistinctBy(l => l.Price).ToArray());

    private static OrderBook Build(BookLevel[] yes, BookLevel[] no)
    {
        var maxNo = no.Length == 0 ? 0 : no.Max(l => l.Price.Ticks);
        var book = new OrderBook(PriceGrid.Cents);
        book.ApplySnapshot(1, yes.Where(l => l.Price.Ticks + maxNo < Price.TicksPerDollar).ToArray(), no);
        return book;
    }

    /// <summary>Whatever the book, fair value, limit and spread: no signal's edge exceeds max-edge, none passes disagreeing books.</summary>
    [Property(MaxTest = 500)]
    public Property No_signal_ever_carries_an_edge_above_max_edge() =>
        Prop.ForAll((from yes in Levels from no in Levels select Build(yes, no)).ToArbitrary(), Gen.Choose(2, 98).ToArbitrary(),
            (from edge in Gen.Choose(1, 3_000) from spread in Gen.Choose(0, 20) select (edge, spread)).ToArbitrary(),
            (book, fairPct, limits) =>
            {
                var (maxEdgeUnits, spreadPct) = limits;
                var policy = DetectionPolicy.Default with { MaxEdge = new Money(maxEdgeUnits), MinEdge = 0.0 };
                var input = Input(book, fairPct / 100.0) with { Policy = policy, Dispersion = spreadPct / 100.0 };
                var d = EdgeDetector.Evaluate(input);
                if (d is not SignalDecision s) return true.Label("skip");
                var max = (double)maxEdgeUnits / Money.UnitsPerDollar;
                var fair = s.Side == OutcomeSide.Yes ? input.FairYes : 1 - input.FairYes;
                var atBestAsk = fair - (double)input.Book.BestAsk(s.Side)!.Value.Price.Ticks / Price.TicksPerDollar;
                return (s.EdgePerContract <= max).Label($"edge {s.EdgePerContract} <= {max}")
                    .And((atBestAsk <= max + 1e-12).Label($"edge at the best ask {atBestAsk} <= {max}"))
                    .And((input.Dispersion <= policy.MaxBookSpread).Label("books agree"));
            });
}
