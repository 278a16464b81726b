using System.Diagnostics;
using System.Net.WebSockets;
using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Faults;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private SimHarness _h = null!;
    private readonly HttpClient _admin = new();

    public async Task InitializeAsync() => _h = await Start(liquidity: true);

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _h.DisposeAsync();
    }

    private async Task<JsonElement> Admin(string path, string json)
    {
        using var resp = await _admin.PostAsync(_h.Sim.AdminUrl + path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(resp.IsSuccessStatusCode, $"admin {path}: {(int)resp.StatusCode}");
        return JsonDocument.Parse(await resp.Content.ReadAsStringAsync()).RootElement.Clone();
    }


    [Fact]
    public async Task Drop_connections_from_admin_endpoint_aborts_every_socket_and_reconnect_works()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        await ws.Subscribe(["ticker"]);
        await Admin("/faults", """{"drop_connections":true}""");
        await Assert.ThrowsAnyAsync<WebSocketException>(async () =>
        {
            // frames already in flight may still arrive; the stream must then end (a timeout would fail the assertion)
            while (true) await ws.Next();
        });
        Assert.NotEqual(WebSocketState.Open, ws.State);

        await using var again = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        Assert.True(await again.Subscribe(["ticker"]) > 0);
    }

    [Fact]
    public async Task Drop_connections_from_csharp()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Bob.Account);
        await ws.Subscribe(["trade"]);
        _h.X.Faults.DropAllConnections();
        await Assert.ThrowsAnyAsync<WebSocketException>(async () =>
        {
            while (true) await ws.Next();
        });
    }

    [Fact]
    public async Task Seq_skip_makes_exactly_one_gap()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        await ws.Subscribe(["orderbook_delta"], [Market]);
        await Admin("/faults", $$"""{"skip_seq_markets":["{{Market}}"]}""");
        for (var i = 0; i < 50; i++) _h.X.Tick();
        var seqs = (await ws.DrainUntilSync()).Select(f => f.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(1, seqs[0]);
        var gaps = seqs.Zip(seqs.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(1, gaps.Count(g => g == 2));
        Assert.All(gaps, g => Assert.True(g is 1 or 2));
    }

    [Fact]
    public async Task Share_of_429_and_5xx()
    {
        _h.X.Faults.TooManyRequestsShare = 1.0;
        var limited = await _h.Alice.Get("/portfolio/balance");
        Assert.Equal(429, limited.Status);
        Assert.Equal("too_many_requests", limited.ErrorCode);

        _h.X.Faults.TooManyRequestsShare = 0;
        _h.X.Faults.ServerErrorShare = 1.0;
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++) statuses.Add((await _h.Alice.Get("/markets")).Status);
        Assert.Contains(500, statuses);
        Assert.Contains(503, statuses);

        await Admin("/faults", """{"server_error_share":0.5}""");
        var mixed = new List<int>();
        for (var i = 0; i < 40; i++) mixed.Add((await _h.Alice.Get("/markets?limit=1")).Status);
        Assert.Contains(200, mixed);
        Assert.Contains(mixed, s => s >= 500);

        await Admin("/faults", """{"server_error_share":0}""");
        Assert.Equal(200, (await _h.Alice.Get("/markets")).Status);
    }

    [Fact]
    public async Task Rest_delay_slows_answers()
    {
        await Admin("/faults", """{"rest_delay_ms":300}""");
        var sw = Stopwatch.StartNew();
        Assert.Equal(200, (await _h.Alice.Get("/portfolio/balance")).Status);
        Assert.True(sw.ElapsedMilliseconds >= 290, $"answered after {sw.ElapsedMilliseconds} ms");
        _h.X.Faults.RestDelay = TimeSpan.Zero;
    }

    [Fact]
    public async Task Paused_market_goes_silent_while_others_move()
    {
        const string other = "KXNFLGAME-26SEP20PHITEN-TEN";
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        await ws.Subscribe(["orderbook_delta"], [Market, other]);
        await ws.DrainUntilSync();
        await Admin("/faults", $$"""{"pause_markets":["{{Market}}"]}""");
        for (var i = 0; i < 40; i++) _h.X.Tick();
        var frames = await ws.DrainUntilSync();
        Assert.Contains(frames, f => f.GetProperty("msg").GetProperty("market_ticker").GetString() == other);
        Assert.DoesNotContain(frames, f => f.GetProperty("msg").GetProperty("market_ticker").GetString() == Market);

        var faults = await Admin("/faults", $$"""{"resume_markets":["{{Market}}"]}""");
        Assert.Equal(0, faults.GetProperty("paused_markets").GetArrayLength());
        for (var i = 0; i < 40; i++) _h.X.Tick();
        Assert.Contains(await ws.DrainUntilSync(), f => f.GetProperty("msg").GetProperty("market_ticker").GetString() == Market);
    }

    [Fact]
    public async Task Faults_from_options_are_active_from_the_start()
    {
        await using var h = await Start(configure: o => o with { Faults = new Exchange.Faults.FaultSettings { TooManyRequestsShare = 1.0 } });
        Assert.Equal(429, (await h.Alice.Get("/markets")).Status);
    }
}
