using System.Globalization;
using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Rest;

/// <summary>expiration_time on the V2 create: refused when already past, and the exchange ends a resting order at it.</summary>
public sealed class OrderExpiryTests : IAsyncLifetime
{
    // whole seconds, so "now" can be written exactly on the wire; near the wall clock, so signatures stay valid
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private SimHarness _h = null!;

    public async Task InitializeAsync() => _h = await Start(configure: o => o with { Clock = _clock });
    public async Task DisposeAsync() => await _h.DisposeAsync();

    private string At(TimeSpan fromNow) =>
        (_clock.GetUtcNow() + fromNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Expiring(string side, string price, string count, string clientId, string expiration)
    {
        var body = (Dictionary<string, object?>)Order(side, price, count, clientId);
        body["expiration_time"] = expiration;
        return body;
    }

    private async Task<int> RestingCount() =>
        (await _h.Alice.Get("/portfolio/orders?status=resting")).Body.GetProperty("orders").GetArrayLength();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task An_expiration_time_at_or_before_now_is_refused_and_creates_no_order(int seconds)
    {
        var r = await _h.Alice.Post("/portfolio/events/orders", Expiring("bid", "0.4000", "1.00", "late-1", At(TimeSpan.FromSeconds(seconds))));

        Assert.Equal(400, r.Status);
        Assert.Equal("invalid_order", r.ErrorCode);
        Assert.Equal("expiration_time is in the past", r.Body.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty((await _h.Alice.Get("/portfolio/orders")).Body.GetProperty("orders").EnumerateArray());
        Assert.Equal("1000.0000", (await _h.Alice.Get("/portfolio/balance")).Str("balance_dollars"));
        // nothing was created, so the client id is still free
        Assert.Equal(201, (await _h.Alice.Post("/portfolio/events/orders", Expiring("bid", "0.4000", "1.00", "late-1", At(TimeSpan.FromSeconds(1))))).Status);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-09-20 17:00:00")]
    [InlineData("2026-09-20T17:00:00")]
    public async Task An_expiration_time_that_is_not_rfc3339_is_invalid_parameters(string text)
    {
        var r = await _h.Alice.Post("/portfolio/events/orders", Expiring("bid", "0.4000", "1.00", "bad-1", text));
        Assert.Equal(400, r.Status);
        Assert.Equal("invalid_parameters", r.ErrorCode);
        Assert.Contains("expiration_time", r.Text);
    }

    [Fact]
    public async Task Fractional_seconds_and_offsets_are_accepted()
    {
        var inTwo = (_clock.GetUtcNow() + TimeSpan.FromSeconds(2)).ToOffset(TimeSpan.FromHours(-4));
        var text = inTwo.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        Assert.Equal(201, (await _h.Alice.Post("/portfolio/events/orders", Expiring("bid", "0.4000", "1.00", "offset-1", text))).Status);
    }

    [Fact]
    public async Task A_resting_order_expires_on_the_tick_and_is_reported_like_any_cancel()
    {
        await using var ws = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        await ws.Subscribe(["user_orders"]);
        var created = await _h.Alice.Post("/portfolio/events/orders", Expiring("bid", "0.4000", "10.00", "gtd-1", At(TimeSpan.FromSeconds(2))));
        Assert.Equal(201, created.Status);
        var id = created.Str("order_id");
        Assert.Equal("resting", (await ws.NextWhere(f => StreamClient.Type(f) == "user_order")).GetProperty("msg").GetProperty("status").GetString());
        Assert.Equal("995.8300", (await _h.Alice.Get("/portfolio/balance")).Str("balance_dollars"));

        _clock.Advance(TimeSpan.FromMilliseconds(1_999));
        _h.X.Tick();
        Assert.Equal("resting", (await _h.Alice.Get($"/portfolio/orders/{id}")).Str("order", "status"));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        _h.X.Tick();
        // the tick pushed it before anyone asked
        var update = (await ws.NextWhere(f => StreamClient.Type(f) == "user_order")).GetProperty("msg");
        Assert.Equal((id, "gtd-1", "canceled", "0.00"), (update.GetProperty("order_id").GetString(), update.GetProperty("client_order_id").GetString(),
            update.GetProperty("status").GetString(), update.GetProperty("remaining_count_fp").GetString()));
        Assert.Equal("canceled", (await _h.Alice.Get($"/portfolio/orders/{id}")).Str("order", "status"));
        Assert.Equal(0, await RestingCount());
        Assert.Equal("1000.0000", (await _h.Alice.Get("/portfolio/balance")).Str("balance_dollars"));
        Assert.Empty((await _h.Alice.Get($"/markets/{Market}/orderbook")).Body.GetProperty("orderbook_fp").GetProperty("yes_dollars").EnumerateArray());
        Assert.Equal(404, (await _h.Alice.Delete($"/portfolio/events/orders/{id}")).Status);
    }

    [Fact]
    public async Task An_order_past_its_time_never_trades_even_before_a_tick()
    {
        var created = await _h.Alice.Post("/portfolio/events/orders", Expiring("bid", "0.4000", "5.00", "gtd-2", At(TimeSpan.FromSeconds(1))));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var ask = await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.4000", "5.00"));

        Assert.Equal(("0.00", "5.00"), (ask.Str("fill_count"), ask.Str("remaining_count")));
        Assert.Equal("canceled", (await _h.Alice.Get($"/portfolio/orders/{created.Str("order_id")}")).Str("order", "status"));
        Assert.Empty((await _h.Alice.Get("/portfolio/fills")).Body.GetProperty("fills").EnumerateArray());
    }

    [Fact]
    public async Task Orders_without_an_expiration_time_are_untouched()
    {
        var id = (await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "1.00", "gtc-1"))).Str("order_id");
        await _h.Alice.Post("/portfolio/events/orders", Expiring("bid", "0.3900", "1.00", "gtd-3", At(TimeSpan.FromSeconds(1))));
        _clock.Advance(TimeSpan.FromSeconds(5));
        _h.X.Tick();
        Assert.Equal("resting", (await _h.Alice.Get($"/portfolio/orders/{id}")).Str("order", "status"));
        Assert.Equal(1, await RestingCount());
    }
}
