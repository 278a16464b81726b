using KalshiArb.Domain.Fees;
using KalshiArb.Exchange.Catalog;

namespace KalshiArb.Exchange.Tests.Sportsbooks;

public sealed class MispricingTests
{
    [Fact]
    public async Task By_default_three_games_are_mispriced_and_their_cheap_side_asks_below_fair_after_fees()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null });
        var x = sim.Exchange;
        var mispriced = x.Games().Where(g => g.IsMispriced).ToList();
        Assert.Equal(3, mispriced.Count);

        foreach (var game in mispriced)
        {
            Assert.InRange(Math.Abs(game.KalshiHomeOffset), 0.05, 0.08);
            var cheap = game.UnderpricedMarketTicker!;
            Assert.True(x.KalshiOffset(cheap) < -0.04, $"{cheap} offset {x.KalshiOffset(cheap)}");
            var fair = x.FairValue(cheap)!.Value;
            var ask = x.MarketState(cheap)!.Top.YesAsk!.Value;
            var count = Quantity.FromContracts(100);
            var allIn = (Money.Notional(ask, count) + FeeSchedule.SportsGame.TakerFee(count, ask)).Units / 100.0 / Money.UnitsPerDollar;
            Assert.True(allIn < fair - 0.02, $"{cheap}: all-in {allIn:0.0000} vs fair {fair:0.0000}");
        }

        foreach (var game in x.Games().Where(g => !g.IsMispriced))
        {
            Assert.Equal(0, x.KalshiOffset(game.HomeMarketTicker));
            AssertQuotedAroundFair(x, game.HomeMarketTicker);
        }
    }

    [Fact]
    public async Task Turned_off_every_market_is_quoted_around_its_fair_value()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            TickInterval = null,
            KalshiMispricing = new KalshiMispricingOptions { Enabled = false },
        });
        Assert.DoesNotContain(sim.Exchange.Games(), g => g.IsMispriced);
        foreach (var game in sim.Exchange.Games())
        {
            AssertQuotedAroundFair(sim.Exchange, game.HomeMarketTicker);
            AssertQuotedAroundFair(sim.Exchange, game.AwayMarketTicker);
        }
    }

    [Fact]
    public async Task Explicit_offsets_pick_the_games_and_the_side()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            TickInterval = null,
            KalshiMispricing = new KalshiMispricingOptions { Offsets = new Dictionary<int, double> { [1] = 0.06 } },
        });
        var x = sim.Exchange;
        Assert.Equal([1], x.Games().Where(g => g.IsMispriced).Select(g => g.Index));
        var game = x.Game(1);
        Assert.Equal(game.AwayMarketTicker, game.UnderpricedMarketTicker);
        Assert.Equal(0.06, x.KalshiOffset(game.HomeMarketTicker)!.Value, 9);
        Assert.Equal(-0.06, x.KalshiOffset(game.AwayMarketTicker)!.Value, 9);
        Assert.Equal(game.HomeWinProbability + 0.06, x.QuotedFairValue(game.HomeMarketTicker)!.Value, 9);
        // the best home bid sits above the hidden fair value: selling YES there is the edge on that side
        Assert.True(x.MarketState(game.HomeMarketTicker)!.Top.YesBid!.Value.Ticks / (double)Price.TicksPerDollar > game.HomeWinProbability + 0.03);
    }

    private static void AssertQuotedAroundFair(SimulatedExchange x, string ticker)
    {
        var fair = x.FairValue(ticker)!.Value;
        var top = x.MarketState(ticker)!.Top;
        Assert.InRange(top.YesBid!.Value.Ticks / (double)Price.TicksPerDollar, fair - 0.025, fair);
        Assert.InRange(top.YesAsk!.Value.Ticks / (double)Price.TicksPerDollar, fair, fair + 0.025);
    }
}
