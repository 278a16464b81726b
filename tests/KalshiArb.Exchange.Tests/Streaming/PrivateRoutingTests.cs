using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Streaming;

public sealed class PrivateRoutingTests : IAsyncLifetime
{
    private SimHarness _h = null!;

    public async Task InitializeAsync() => _h = await Start(configure: o => o with { Games = FractionalGames });
    public async Task DisposeAsync() => await _h.DisposeAsync();


    [Fact]
    public async Task Fills_orders_and_positions_reach_only_their_owner()
    {
        await using var alice = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        await using var bob = await StreamClient.Connect(_h.Sim, _h.Bob.Account);
        await using var carol = await StreamClient.Connect(_h.Sim, _h.Carol.Account);
        foreach (var ws in new[] { alice, bob, carol }) await ws.Subscribe(["fill", "user_orders", "market_positions", "trade"]);
        // Subscribe consumed only the first reply; clear the other three
        foreach (var ws in new[] { alice, bob, carol }) await ws.DrainUntilSync();

        var ask = await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.4000", "10.00", "bob-1"));
        var bid = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "2.50", "alice-1"));
        Assert.Equal("2.50", bid.Str("fill_count"));

        var aliceFrames = await alice.DrainUntilSync();
        var aliceFill = Assert.Single(aliceFrames, f => StreamClient.Type(f) == "fill").GetProperty("msg");
        Assert.Equal(bid.Str("order_id"), aliceFill.GetProperty("order_id").GetString());
        Assert.True(aliceFill.GetProperty("is_taker").GetBoolean());
        Assert.Equal("yes", aliceFill.GetProperty("outcome_side").GetString());
        Assert.Equal("2.50", aliceFill.GetProperty("post_position_fp").GetString());
        Assert.Equal("alice-1", aliceFill.GetProperty("client_order_id").GetString());
        Assert.Contains(aliceFrames, f => StreamClient.Type(f) == "user_order" && f.GetProperty("msg").GetProperty("status").GetString() == "executed");
        Assert.Contains(aliceFrames, f => StreamClient.Type(f) == "market_position" && f.GetProperty("msg").GetProperty("position_fp").GetString() == "2.50");

        var bobFrames = await bob.DrainUntilSync();
        var bobFill = Assert.Single(bobFrames, f => StreamClient.Type(f) == "fill").GetProperty("msg");
        Assert.Equal(ask.Str("order_id"), bobFill.GetProperty("order_id").GetString());
        Assert.False(bobFill.GetProperty("is_taker").GetBoolean());
        Assert.Equal("-2.50", bobFill.GetProperty("post_position_fp").GetString());
        Assert.DoesNotContain(bobFrames, f => StreamClient.Type(f) == "user_order" && f.GetProperty("msg").GetProperty("client_order_id").GetString() == "alice-1");

        var carolFrames = await carol.DrainUntilSync();
        Assert.DoesNotContain(carolFrames, f => StreamClient.Type(f) is "fill" or "user_order" or "market_position");
        var trade = Assert.Single(carolFrames, f => StreamClient.Type(f) == "trade").GetProperty("msg");
        Assert.Equal("yes", trade.GetProperty("taker_side").GetString());
        Assert.Equal("0.4000", trade.GetProperty("yes_price_dollars").GetString());
        Assert.Equal("0.6000", trade.GetProperty("no_price_dollars").GetString());
        Assert.Equal("2.50", trade.GetProperty("count_fp").GetString());
    }

    [Fact]
    public async Task Ticker_follows_top_of_book_and_trades()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Carol.Account);
        await ws.Subscribe(["ticker"], [Market]);
        await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.6000", "5.00"));
        var t1 = (await ws.Next()).GetProperty("msg");
        Assert.Equal("0.6000", t1.GetProperty("yes_ask_dollars").GetString());
        await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.6000", "1.00"));
        var t2 = (await ws.Next()).GetProperty("msg");
        Assert.Equal("0.6000", t2.GetProperty("price_dollars").GetString());
        Assert.Equal("1.00", t2.GetProperty("volume_fp").GetString());
        Assert.Equal("1.00", t2.GetProperty("open_interest_fp").GetString());
    }
}
