using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Streaming;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_orders_and_background_ticks_keep_the_stream_consistent()
    {
        await using var h = await Start(liquidity: true, configure: o => o with { TickInterval = TimeSpan.FromMilliseconds(2), Games = FractionalGames });
        await using var ws = await StreamClient.Connect(h.Sim, h.Carol.Account);
        await ws.Subscribe(["orderbook_delta"], [Market]);

        async Task Trade(SignedApi api, string side)
        {
            for (var i = 0; i < 25; i++)
            {
                var price = side == "bid" ? $"0.{30 + i % 30:00}00" : $"0.{40 + i % 30:00}00";
                var r = await api.Post("/portfolio/events/orders", Order(side, price, "1.50"));
                Assert.Equal(201, r.Status);
                if (i % 3 == 0 && r.Str("status") == "resting")
                {
                    // a synthetic taker may have filled it meanwhile: then the cancel finds nothing resting
                    var cancel = await api.Delete($"/portfolio/events/orders/{r.Str("order_id")}");
                    Assert.True(cancel.Status == 200 || (cancel.Status == 404 &&
                        (await api.Get($"/portfolio/orders/{r.Str("order_id")}")).Str("order", "status") == "executed"), cancel.Text);
                }
            }
        }
        await Task.WhenAll(Trade(h.Alice, "bid"), Trade(h.Bob, "ask"), Trade(h.Alice, "ask"), Trade(h.Bob, "bid"));

        // freeze the synthetic flow, then sync: everything queued before the reply has arrived
        h.X.Faults.PauseMarket(Market);
        h.X.Tick(); // waits out a background tick that started before the pause
        var replay = new BookReplay();
        var id = await ws.Command("list_subscriptions");
        while (true)
        {
            var f = await ws.Next();
            if (f.TryGetProperty("id", out var i) && i.GetInt32() == id) break;
            replay.Apply(f);
        }
        var rest = await h.Alice.Get($"/markets/{Market}/orderbook");
        Assert.Equal(BookReplay.FromRest(rest.Body.GetProperty("orderbook_fp").GetProperty("yes_dollars")), replay.Levels("yes"));
        Assert.Equal(BookReplay.FromRest(rest.Body.GetProperty("orderbook_fp").GetProperty("no_dollars")), replay.Levels("no"));

        // money is conserved between the two real accounts and the synthetic ones: no order left holding cash it should not
        foreach (var name in new[] { "alice", "bob" })
        {
            var account = h.X.Account(name)!;
            var resting = account.Orders().Where(o => o.Snapshot.Status == Domain.Matching.EngineOrderStatus.Resting).ToList();
            Assert.Equal(resting.Count == 0, account.Reserved.Units == 0);
        }
    }

    [Fact]
    public async Task RunAsync_serves_until_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = ExchangeSimulator.RunAsync(new SimulatorOptions { TickInterval = null }, cts.Token, sim => started.SetResult(sim.AdminUrl));
        var admin = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var http = new HttpClient();
        var status = JsonDocument.Parse(await http.GetStringAsync(admin + "/status")).RootElement;
        Assert.Equal(40, status.GetProperty("markets").GetInt32());
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetStringAsync(admin + "/status"));
    }
}
