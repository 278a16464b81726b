using KalshiArb.Exchange.Catalog;
using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Rest;

/// <summary>
/// fractional_trading_enabled and price_level_structure: game-winner markets take whole contracts unless the catalog
/// enables fractions, and a fractional count elsewhere is refused with a 400.
/// </summary>
public sealed class FractionalTradingTests
{
    [Fact]
    public async Task Game_market_is_whole_contracts_linear_cent_and_refuses_fractions()
    {
        await using var h = await Start();
        var m = await h.Alice.Get($"/markets/{Market}");
        Assert.False(m.Body.GetProperty("market").GetProperty("fractional_trading_enabled").GetBoolean());
        Assert.Equal("linear_cent", m.Str("market", "price_level_structure"));

        var r = await h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "1.50"));
        Assert.Equal(400, r.Status);
        Assert.Equal("invalid_parameters", r.ErrorCode);
        Assert.Equal("FRACTIONAL_TRADING_NOT_ENABLED", r.Body.GetProperty("error").GetProperty("details").GetString());
        Assert.Equal("1000.0000", (await h.Alice.Get("/portfolio/balance")).Str("balance_dollars"));

        Assert.Equal(201, (await h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "2.00"))).Status);
        Assert.Equal(201, (await h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "2"))).Status);
    }

    [Fact]
    public async Task Amend_and_decrease_to_a_fraction_are_refused_where_fractions_are_off()
    {
        await using var h = await Start();
        var id = (await h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "5.00"))).Str("order_id");
        var amend = await h.Alice.Post($"/portfolio/events/orders/{id}/amend", new { price = "0.4100", count = "4.50" });
        Assert.Equal(400, amend.Status);
        Assert.Equal("invalid_parameters", amend.ErrorCode);
        var decrease = await h.Alice.Post($"/portfolio/events/orders/{id}/decrease", new { reduce_by = "0.25" });
        Assert.Equal(400, decrease.Status);
        Assert.Equal("5.00", (await h.Alice.Get($"/portfolio/orders/{id}")).Str("order", "remaining_count_fp"));
        Assert.Equal(200, (await h.Alice.Post($"/portfolio/events/orders/{id}/decrease", new { reduce_by = "1.00" })).Status);
    }

    [Fact]
    public async Task Catalog_can_enable_fractional_trading_per_game()
    {
        var games = Games.Select((g, i) => i == 0 ? g with { FractionalTrading = true } : g).ToList();
        await using var h = await Start(configure: o => o with { Games = games });
        var m = await h.Alice.Get($"/markets/{Market}");
        Assert.True(m.Body.GetProperty("market").GetProperty("fractional_trading_enabled").GetBoolean());
        var r = await h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "1.50"));
        Assert.Equal(201, r.Status);

        // the second game is still whole contracts only
        var other = ExchangeCatalog.EventTickerFor(games[1].SeriesTicker, games[1]) + "-" + games[1].Home.Code;
        Assert.Equal(400, (await h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "1.50", ticker: other))).Status);
    }

    [Fact]
    public async Task Simulated_liquidity_quotes_and_trades_whole_contracts_on_whole_contract_markets()
    {
        await using var h = await Start(liquidity: true);
        for (var i = 0; i < 40; i++) h.X.Tick();
        foreach (var info in h.X.Catalog.Markets)
        {
            var book = await h.Alice.Get($"/markets/{info.Ticker}/orderbook");
            foreach (var side in new[] { "yes_dollars", "no_dollars" })
            foreach (var level in book.Body.GetProperty("orderbook_fp").GetProperty(side).EnumerateArray())
                Assert.EndsWith(".00", level[1].GetString());
        }
        var tape = await h.Alice.Get("/markets/trades?limit=1000");
        var counts = tape.Body.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("count_fp").GetString()!).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.EndsWith(".00", c));
    }
}
