using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Streaming;

public sealed class OrderbookStreamTests : IAsyncLifetime
{
    private SimHarness _h = null!;

    public async Task InitializeAsync() => _h = await Start(liquidity: true);
    public async Task DisposeAsync() => await _h.DisposeAsync();


    [Fact]
    public async Task Snapshot_then_consecutive_deltas_replay_to_the_rest_book()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        var sid = await ws.Subscribe(["orderbook_delta"], [Market]);
        var snapshot = await ws.Next();
        Assert.Equal("orderbook_snapshot", StreamClient.Type(snapshot));
        Assert.Equal(1, snapshot.GetProperty("seq").GetInt64());
        Assert.Equal(sid, snapshot.GetProperty("sid").GetInt32());
        var replay = new BookReplay();
        replay.Apply(snapshot);

        for (var i = 0; i < 300; i++) _h.X.Tick();
        foreach (var f in await ws.DrainUntilSync())
        {
            if (StreamClient.Type(f) is "orderbook_delta")
            {
                Assert.Equal(Market, f.GetProperty("msg").GetProperty("market_ticker").GetString());
                Assert.True(f.GetProperty("msg").GetProperty("ts_ms").GetInt64() > 0);
                replay.Apply(f);
            }
        }
        Assert.True(replay.Deltas > 100, $"only {replay.Deltas} deltas");

        var rest = await _h.Alice.Get($"/markets/{Market}/orderbook");
        Assert.Equal(BookReplay.FromRest(rest.Body.GetProperty("orderbook_fp").GetProperty("yes_dollars")), replay.Levels("yes"));
        Assert.Equal(BookReplay.FromRest(rest.Body.GetProperty("orderbook_fp").GetProperty("no_dollars")), replay.Levels("no"));
    }

    [Fact]
    public async Task Get_snapshot_continues_the_seq_and_delete_markets_stops_deltas()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        var sid = await ws.Subscribe(["orderbook_delta"], [Market, "KXNFLGAME-26SEP20PHITEN-TEN"]);
        var replay = new BookReplay();
        replay.Apply(await ws.Next());
        Assert.Equal(2, (await ws.Next()).GetProperty("seq").GetInt64());

        await ws.Command("update_subscription", new { sids = new[] { sid }, market_tickers = new[] { Market }, action = "get_snapshot" });
        var ok = await ws.Next();
        Assert.Equal("ok", StreamClient.Type(ok));
        var again = await ws.Next();
        Assert.Equal("orderbook_snapshot", StreamClient.Type(again));
        Assert.Equal(3, again.GetProperty("seq").GetInt64());

        await ws.Command("update_subscription", new { sids = new[] { sid }, market_tickers = new[] { "KXNFLGAME-26SEP20PHITEN-TEN" }, action = "delete_markets" });
        Assert.Equal("ok", StreamClient.Type(await ws.Next()));
        for (var i = 0; i < 20; i++) _h.X.Tick();
        var frames = await ws.DrainUntilSync();
        Assert.NotEmpty(frames);
        Assert.All(frames, f => Assert.Equal(Market, f.GetProperty("msg").GetProperty("market_ticker").GetString()));
    }

    [Fact]
    public async Task Subscribing_to_all_markets_snapshots_each_one()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        await ws.Subscribe(["orderbook_delta"]);
        var frames = await ws.DrainUntilSync();
        Assert.Equal(_h.X.Catalog.Markets.Count, frames.Count(f => StreamClient.Type(f) == "orderbook_snapshot"));
        Assert.Equal(Enumerable.Range(1, frames.Count).Select(i => (long)i), frames.Select(f => f.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Bad_commands_get_error_replies()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        await ws.Command("subscribe", new { channels = new[] { "nonsense" } });
        var err = await ws.Next();
        Assert.Equal("error", StreamClient.Type(err));
        Assert.Equal(8, err.GetProperty("msg").GetProperty("code").GetInt32());
        await ws.Command("frobnicate");
        Assert.Equal(5, (await ws.Next()).GetProperty("msg").GetProperty("code").GetInt32());
        await ws.SendRaw("{not json");
        Assert.Equal(1, (await ws.Next()).GetProperty("msg").GetProperty("code").GetInt32());
        await ws.Command("subscribe", new { channels = new[] { "orderbook_delta" }, market_tickers = new[] { "NOPE" } });
        Assert.Equal(16, (await ws.Next()).GetProperty("msg").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Unsubscribe_and_list_subscriptions()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        var tradeSid = await ws.Subscribe(["trade"]);
        var tickerSid = await ws.Subscribe(["ticker"], [Market]);
        var id = await ws.Command("list_subscriptions");
        var list = await ws.Next();
        Assert.Equal(id, list.GetProperty("id").GetInt32());
        Assert.Equal([tradeSid, tickerSid], list.GetProperty("msg").EnumerateArray().Select(s => s.GetProperty("sid").GetInt32()));
        await ws.Command("unsubscribe", new { sids = new[] { tradeSid } });
        var unsub = await ws.Next();
        Assert.Equal("unsubscribed", StreamClient.Type(unsub));
        Assert.Equal(tradeSid, unsub.GetProperty("sid").GetInt32());
    }
}
