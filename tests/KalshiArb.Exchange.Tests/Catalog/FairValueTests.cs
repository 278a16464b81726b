using KalshiArb.Exchange.Catalog;

namespace KalshiArb.Exchange.Tests.Catalog;

public sealed class FairValueTests
{
    [Fact]
    public void Same_seed_gives_the_same_path_and_a_different_seed_does_not()
    {
        var games = SimHarness.Games;
        var a = new FairValueBoard(games, seed: 3, driftPerTick: 0.05);
        var b = new FairValueBoard(games, seed: 3, driftPerTick: 0.05);
        var c = new FairValueBoard(games, seed: 4, driftPerTick: 0.05);
        for (var i = 0; i < 100; i++)
        {
            a.Drift();
            b.Drift();
            c.Drift();
        }
        Assert.Equal(a.HomeWinProbability(0), b.HomeWinProbability(0));
        Assert.NotEqual(a.HomeWinProbability(0), c.HomeWinProbability(0));
        Assert.NotEqual(0.42, a.HomeWinProbability(0));
        Assert.InRange(a.HomeWinProbability(0), 0.03, 0.97);
    }

    [Fact]
    public void Team_markets_are_complementary()
    {
        var catalog = new ExchangeCatalog(SimHarness.Games, includeNonGameSeries: true);
        var board = new FairValueBoard(SimHarness.Games, 1, 0.02);
        board.Drift();
        var away = catalog.FindMarket("KXNFLGAME-26SEP20PHITEN-PHI")!;
        var home = catalog.FindMarket("KXNFLGAME-26SEP20PHITEN-TEN")!;
        Assert.Equal(1.0, board.YesProbability(away) + board.YesProbability(home), 9);
    }

    [Fact]
    public async Task Game_views_expose_teams_times_and_hidden_probability()
    {
        await using var h = await SimHarness.Start();
        var g = h.X.Games()[0];
        Assert.Equal("KXNFLGAME-26SEP20PHITEN", g.EventTicker);
        Assert.Equal("Philadelphia Eagles", g.Away.FullName);
        Assert.Equal("Tennessee Titans", g.Home.FullName);
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 17, 0, 0, TimeSpan.Zero), g.CommenceTime);
        Assert.Equal(0.42, g.HomeWinProbability, 9);
        Assert.Equal(1 - 0.42, h.X.FairValue(g.AwayMarketTicker)!.Value, 9);
        h.X.FairValues.SetHomeWinProbability(0, 0.8);
        Assert.Equal(0.8, h.X.Game(0).HomeWinProbability, 9);
    }

    [Fact]
    public void Duplicate_games_are_refused()
    {
        var g = SimHarness.Games[0];
        Assert.Throws<ArgumentException>(() => new ExchangeCatalog([g, g], includeNonGameSeries: false));
    }
}
