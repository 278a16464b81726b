using KalshiArb.Exchange.Sportsbooks;

namespace KalshiArb.Exchange.Tests.Sportsbooks;

public sealed class SportsbookBoardTests
{
    [Theory]
    [InlineData(0.5, 2.0, -100)]
    [InlineData(0.6, 1.67, -150)]
    [InlineData(0.4, 2.5, 150)]
    [InlineData(0.5238, 1.91, -110)]
    [InlineData(0.25, 4.0, 300)]
    public void Implied_probability_becomes_book_prices(double implied, double dec, int american)
    {
        Assert.Equal(dec, OddsPricing.Decimal(implied));
        Assert.Equal(american, OddsPricing.American(implied));
    }

    [Fact]
    public async Task A_moved_fair_value_restamps_fresh_books_and_unchanged_lines_are_reconfirmed_per_bucket()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { Games = SimHarness.Games, TickInterval = null });
        var board = sim.Exchange.Sportsbooks;
        var t0 = new DateTimeOffset(2026, 9, 1, 12, 0, 1, TimeSpan.Zero);
        var before = board.Lines(0, t0);

        sim.Exchange.FairValues.SetHomeWinProbability(0, 0.70);
        var moved = board.Lines(0, t0.AddSeconds(10));
        var same = board.Lines(0, t0.AddSeconds(20));
        var nextBucket = board.Lines(0, t0.AddSeconds(40));

        for (var b = 0; b < before.Count; b++)
        {
            if (before[b].IsStale)
            {
                Assert.Equal(board.Started - TimeSpan.FromHours(2), moved[b].LastUpdate);
                Assert.Equal(before[b].HomeDecimal, moved[b].HomeDecimal);
                continue;
            }
            Assert.True(moved[b].HomeDecimal < before[b].HomeDecimal, $"{moved[b].Book.Key} did not follow the fair value");
            Assert.InRange(moved[b].NoVigHomeProbability, 0.70 - 0.012, 0.70 + 0.012);
            Assert.Equal(t0.AddSeconds(10), moved[b].LastUpdate);
            Assert.Equal(t0.AddSeconds(10), same[b].LastUpdate);
            Assert.Equal(new DateTimeOffset(2026, 9, 1, 12, 0, 30, TimeSpan.Zero), nextBucket[b].LastUpdate);
        }
    }

    [Fact]
    public async Task Stale_share_sets_how_many_pairs_are_stale_and_keeps_two_fresh_books_per_game()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            TickInterval = null,
            Sportsbooks = new SportsbookOptions { StaleShare = 0.5 },
        });
        var board = sim.Exchange.Sportsbooks;
        var games = sim.Exchange.Games();
        var stalePerGame = games.Select(g => board.Books.Count(b => board.IsStale(g.Index, b.Key))).ToList();
        Assert.All(stalePerGame, n => Assert.InRange(n, 0, board.Books.Count - 2));
        Assert.Equal(25, stalePerGame.Sum());
    }
}
