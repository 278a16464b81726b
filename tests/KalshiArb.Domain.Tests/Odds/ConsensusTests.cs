namespace KalshiArb.Domain.Tests.Odds;

public class ConsensusTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 20, 16, 0, 0, TimeSpan.Zero);

    private static BookLine Line(string book, double team, double opp, int minutesOld = 1) =>
        new(book, Now.AddMinutes(-minutesOld), team, opp, OddsFormat.American);

    private static double FairOf(double team, double opp)
    {
        Assert.Equal(OddsRejection.None, Devig.TryDevigOdds([team, opp], OddsFormat.American, DevigMethod.Shin, out var r));
        return r.Probabilities[0];
    }

    [Fact]
    public void Median_of_three_books_is_the_middle_fair_value()
    {
        var lines = new[] { Line("draftkings", -150, 130), Line("fanduel", -140, 120), Line("betmgm", -160, 135) };
        var outcome = Consensus.Compute(lines, Now, ConsensusSettings.Default with { Aggregation = ConsensusAggregation.Median });
        Assert.True(outcome.IsOk);
        var c = outcome.Consensus!;
        var fairs = new[] { FairOf(-150, 130), FairOf(-140, 120), FairOf(-160, 135) }.Order().ToArray();
        Assert.Equal(fairs[1], c.FairProbability, 12);
        Assert.Equal(3, c.FreshBooks);
        Assert.Equal(fairs[2] - fairs[0], c.Dispersion, 12);
        Assert.True(c.StdDev > 0);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_midpoint()
    {
        var lines = new[] { Line("a", -150, 130), Line("b", -140, 120) };
        var c = Consensus.Compute(lines, Now, ConsensusSettings.Default with { Aggregation = ConsensusAggregation.Median }).Consensus!;
        Assert.Equal((FairOf(-150, 130) + FairOf(-140, 120)) / 2, c.FairProbability, 12);
    }

    [Fact]
    public void Pinnacle_outweighs_two_soft_books_by_default()
    {
        // Pinnacle (weight 3) against two books (weight 1 each): its value is the weighted median.
        var lines = new[] { Line("pinnacle", -200, 180), Line("draftkings", -120, 100), Line("fanduel", -125, 105) };
        var c = Consensus.Compute(lines, Now, ConsensusSettings.Default).Consensus!;
        Assert.Equal(FairOf(-200, 180), c.FairProbability, 12);
        Assert.Equal(3.0, c.Books.Single(b => b.BookKey == "pinnacle").Weight);
    }

    [Fact]
    public void Stale_books_are_dropped_and_too_few_fresh_is_refused()
    {
        var lines = new[] { Line("draftkings", -150, 130, minutesOld: 10), Line("fanduel", -140, 120, minutesOld: 90) };
        var outcome = Consensus.Compute(lines, Now, ConsensusSettings.Default);
        Assert.False(outcome.IsOk);
        Assert.Equal(ConsensusRejection.TooFewFreshBooks, outcome.Rejection);
        Assert.Contains(outcome.Dropped, d => d.BookKey == "fanduel" && d.Reason == BookDropReason.Stale);
    }

    [Fact]
    public void A_book_exactly_at_the_age_limit_is_still_fresh()
    {
        var settings = ConsensusSettings.Default with { MaxBookAge = TimeSpan.FromMinutes(30), MinFreshBooks = 1 };
        Assert.True(Consensus.Compute([Line("a", -150, 130, minutesOld: 30)], Now, settings).IsOk);
        Assert.False(Consensus.Compute([Line("a", -150, 130, minutesOld: 31)], Now, settings).IsOk);
    }

    [Fact]
    public void Future_dated_lines_are_dropped()
    {
        var settings = ConsensusSettings.Default with { MinFreshBooks = 1 };
        var outcome = Consensus.Compute([Line("a", -150, 130, minutesOld: -10)], Now, settings);
        Assert.Equal(ConsensusRejection.TooFewFreshBooks, outcome.Rejection);
        Assert.Equal(BookDropReason.FutureTimestamp, outcome.Dropped.Single().Reason);
    }

    [Fact]
    public void Unusable_prices_are_dropped_with_their_odds_error()
    {
        var lines = new[] { Line("a", -150, 130), Line("b", -140, 120), Line("c", 50, -110) };
        var outcome = Consensus.Compute(lines, Now, ConsensusSettings.Default);
        Assert.True(outcome.IsOk);
        Assert.Equal(2, outcome.Consensus!.FreshBooks);
        var d = outcome.Dropped.Single();
        Assert.Equal((BookDropReason.Unusable, OddsRejection.AmericanInsideMinus100To100), (d.Reason, d.OddsError));
    }

    [Fact]
    public void The_newest_line_of_a_repeated_book_wins()
    {
        var lines = new[] { Line("a", -300, 250, minutesOld: 20), Line("a", -150, 130, minutesOld: 2), Line("b", -150, 130) };
        var c = Consensus.Compute(lines, Now, ConsensusSettings.Default).Consensus!;
        Assert.Equal(2, c.FreshBooks);
        Assert.Equal(FairOf(-150, 130), c.FairProbability, 12);
        Assert.Equal(BookDropReason.Superseded, c.Dropped.Single().Reason);
    }

    [Fact]
    public void No_books_and_bad_settings_are_refused()
    {
        Assert.Equal(ConsensusRejection.NoBooks, Consensus.Compute([], Now, ConsensusSettings.Default).Rejection);
        Assert.Equal(ConsensusRejection.InvalidSettings,
            Consensus.Compute([Line("a", -110, -110)], Now, ConsensusSettings.Default with { MinFreshBooks = 0 }).Rejection);
    }

    [Fact]
    public void Newest_and_oldest_used_updates_are_reported()
    {
        var lines = new[] { Line("a", -150, 130, minutesOld: 5), Line("b", -140, 120, minutesOld: 20) };
        var c = Consensus.Compute(lines, Now, ConsensusSettings.Default).Consensus!;
        Assert.Equal(Now.AddMinutes(-5), c.NewestUpdate);
        Assert.Equal(Now.AddMinutes(-20), c.OldestUsedUpdate);
    }

    [Fact]
    public void The_two_teams_consensus_sum_to_one_with_shin_on_two_books()
    {
        // Two-way Shin is additive, so each book's two sides are complementary and so is the median.
        var teamLines = new[] { Line("a", -150, 130), Line("b", -140, 120) };
        var oppLines = teamLines.Select(l => l with { TeamPrice = l.OpponentPrice, OpponentPrice = l.TeamPrice }).ToArray();
        var s = ConsensusSettings.Default with { Aggregation = ConsensusAggregation.Median };
        var team = Consensus.Compute(teamLines, Now, s).Consensus!.FairProbability;
        var opp = Consensus.Compute(oppLines, Now, s).Consensus!.FairProbability;
        Assert.Equal(1.0, team + opp, 12);
    }

    [Property(MaxTest = 200)]
    public Property Weighted_median_lies_between_min_and_max_and_is_one_of_the_values_or_a_midpoint() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 7)
             from vals in Gen.ArrayOf(Gen.Choose(1, 999), n)
             from ws in Gen.ArrayOf(Gen.Choose(1, 5), n)
             select vals.Zip(ws, (v, w) => new BookFairValue("b", Now, v / 1000.0, w)).ToArray()).ToArbitrary(),
            books =>
            {
                var m = Consensus.WeightedMedian(books);
                var vs = books.Select(b => b.FairProbability).ToArray();
                var midpoints = vs.SelectMany(a => vs.Select(b => (a + b) / 2));
                return m >= vs.Min() && m <= vs.Max() && midpoints.Any(x => Math.Abs(x - m) < 1e-12);
            });
}
