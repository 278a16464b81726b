using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Lifecycle;

public sealed class SettlementTests : IAsyncLifetime
{
    private SimHarness _h = null!;

    public async Task InitializeAsync() => _h = await Start();
    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Settlement_pays_a_dollar_per_winning_contract_and_emits_lifecycle()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Carol.Account);
        await ws.Subscribe(["market_lifecycle_v2"]);

        await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.4000", "10.00"));
        await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "10.00"));
        // alice: 1000 − 4.00 − taker 0.1680; bob: 1000 − 6.00 − maker 0.0420
        Assert.Equal("995.8320", (await _h.Alice.Get("/portfolio/balance")).Str("balance_dollars"));
        Assert.Equal("993.9580", (await _h.Bob.Get("/portfolio/balance")).Str("balance_dollars"));

        Assert.True(_h.X.SettleMarket(Market, yesWins: true));

        Assert.Equal("1005.8320", (await _h.Alice.Get("/portfolio/balance")).Str("balance_dollars"));
        Assert.Equal("993.9580", (await _h.Bob.Get("/portfolio/balance")).Str("balance_dollars"));
        var pos = (await _h.Alice.Get("/portfolio/positions")).Body.GetProperty("market_positions")[0];
        Assert.Equal("0.00", pos.GetProperty("position_fp").GetString());
        Assert.Equal("6.0000", pos.GetProperty("realized_pnl_dollars").GetString());

        var market = (await _h.Alice.Get($"/markets/{Market}")).Body.GetProperty("market");
        Assert.Equal("finalized", market.GetProperty("status").GetString());
        Assert.Equal("yes", market.GetProperty("result").GetString());

        var events = new List<JsonElement>();
        for (var i = 0; i < 3; i++) events.Add((await ws.Next()).GetProperty("msg"));
        Assert.Equal(["deactivated", "determined", "settled"], events.Select(e => e.GetProperty("event_type").GetString()));
        Assert.All(events, e => Assert.Equal(Market, e.GetProperty("market_ticker").GetString()));
        Assert.Equal("yes", events[1].GetProperty("result").GetString());

        Assert.False(_h.X.SettleMarket(Market, yesWins: false));
        Assert.Equal(400, (await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.5000", "1.00"))).Status);
    }

    [Fact]
    public async Task Net_positions_settle_only_what_is_held()
    {
        // alice buys 5 YES then sells 3 back (buys 3 NO): net +2 YES
        await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.5000", "5.00"));
        await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.5000", "5.00"));
        await _h.Bob.Post("/portfolio/events/orders", Order("bid", "0.5000", "3.00"));
        await _h.Alice.Post("/portfolio/events/orders", Order("ask", "0.5000", "3.00"));
        Assert.Equal("2.00", (await _h.Alice.Get("/portfolio/positions")).Body.GetProperty("market_positions")[0].GetProperty("position_fp").GetString());
        var before = _h.X.Account("alice")!.Cash;
        _h.X.SettleMarket(Market, yesWins: true);
        Assert.Equal(2_0000, (_h.X.Account("alice")!.Cash - before).Units);
    }

    [Fact]
    public async Task Whole_game_settles_consistently_from_admin()
    {
        using var http = new HttpClient();
        using var resp = await http.PostAsync(_h.Sim.AdminUrl + "/games/0/settle", new StringContent("""{"home_wins":true}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(resp.IsSuccessStatusCode);
        Assert.Equal("no", _h.X.MarketState("KXNFLGAME-26SEP20PHITEN-PHI")!.Result);
        Assert.Equal("yes", _h.X.MarketState("KXNFLGAME-26SEP20PHITEN-TEN")!.Result);
    }

    [Fact]
    public async Task Scalar_settlement_pays_each_side_its_share()
    {
        await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.5000", "10.00"));
        await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.5000", "10.00"));
        var aliceBefore = _h.X.Account("alice")!.Cash;
        var bobBefore = _h.X.Account("bob")!.Cash;
        Assert.True(_h.X.SettleMarketAt(Market, Domain.Primitives.Price.Parse("0.3000")));
        Assert.Equal(3_0000, (_h.X.Account("alice")!.Cash - aliceBefore).Units);
        Assert.Equal(7_0000, (_h.X.Account("bob")!.Cash - bobBefore).Units);
        Assert.Equal("scalar", _h.X.MarketState(Market)!.Result);
    }

    /// <summary>REST tells a settled market's value (a settlement catch-up reads it when the lifecycle event was missed).</summary>
    [Fact]
    public async Task A_settled_market_serves_its_status_result_and_settlement_value()
    {
        var open = (await _h.Alice.Get($"/markets/{Market}")).Body.GetProperty("market");
        Assert.False(open.TryGetProperty("settlement_value_dollars", out _));
        Assert.True(_h.X.SettleMarketAt(Market, Domain.Primitives.Price.Parse("0.3000")));
        var settled = (await _h.Alice.Get($"/markets/{Market}")).Body.GetProperty("market");
        Assert.Equal("finalized", settled.GetProperty("status").GetString());
        Assert.Equal("scalar", settled.GetProperty("result").GetString());
        Assert.Equal("0.3000", settled.GetProperty("settlement_value_dollars").GetString());
    }
}
