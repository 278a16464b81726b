using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Rest;

/// <summary>The public endpoints third-party Kalshi clients call: exchange status, the trade tape, unsigned market data.</summary>
public sealed class PublicEndpointTests : IAsyncLifetime
{
    private const string Other = "KXNFLGAME-26SEP20PHITEN-TEN";
    private SimHarness _h = null!;
    private readonly HttpClient _anonymous = new();

    public async Task InitializeAsync() => _h = await Start();

    public async Task DisposeAsync()
    {
        _anonymous.Dispose();
        await _h.DisposeAsync();
    }

    private async Task<(int Status, JsonElement Body)> Unsigned(string relative)
    {
        using var resp = await _anonymous.GetAsync(_h.Sim.RestBaseUrl + relative);
        var text = await resp.Content.ReadAsStringAsync();
        return ((int)resp.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Bob rests an ask, Alice lifts <paramref name="count"/> of it: one print with Alice (YES buyer) as taker.</summary>
    private async Task Trade(string ticker, string price, string count)
    {
        Assert.Equal(201, (await _h.Bob.Post("/portfolio/events/orders", Order("ask", price, count, ticker: ticker))).Status);
        Assert.Equal(201, (await _h.Alice.Post("/portfolio/events/orders", Order("bid", price, count, ticker: ticker))).Status);
    }

    [Fact]
    public async Task Exchange_status_is_active_signed_or_not()
    {
        var signed = await _h.Alice.Get("/exchange/status");
        Assert.Equal(200, signed.Status);
        Assert.True(signed.Body.GetProperty("exchange_active").GetBoolean());
        Assert.True(signed.Body.GetProperty("trading_active").GetBoolean());
        var (status, body) = await Unsigned("/exchange/status");
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("trading_active").GetBoolean());
    }

    [Fact]
    public async Task Trade_tape_lists_prints_newest_first_in_fixed_point_strings()
    {
        await Trade(Market, "0.4000", "4.00");
        await Trade(Market, "0.4300", "2.00");
        await Trade(Other, "0.5500", "1.00");

        var r = await _h.Alice.Get($"/markets/trades?ticker={Market}");
        Assert.Equal(200, r.Status);
        var trades = r.Body.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(2, trades.Count);
        Assert.Equal("", r.Str("cursor"));
        var newest = trades[0];
        Assert.Equal(Market, newest.GetProperty("ticker").GetString());
        Assert.Equal("0.4300", newest.GetProperty("yes_price_dollars").GetString());
        Assert.Equal("0.5700", newest.GetProperty("no_price_dollars").GetString());
        Assert.Equal("2.00", newest.GetProperty("count_fp").GetString());
        Assert.Equal("yes", newest.GetProperty("taker_side").GetString());
        Assert.False(string.IsNullOrEmpty(newest.GetProperty("trade_id").GetString()));
        Assert.True(DateTimeOffset.TryParse(newest.GetProperty("created_time").GetString(), out _));
        Assert.Equal("4.00", trades[1].GetProperty("count_fp").GetString());

        var all = await _h.Alice.Get("/markets/trades");
        Assert.Equal([Other, Market, Market],
            all.Body.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("ticker").GetString()!).ToArray());
    }

    [Fact]
    public async Task Trade_tape_pages_by_cursor_without_repeating_when_new_prints_arrive()
    {
        for (var i = 0; i < 5; i++) await Trade(Market, $"0.{40 + i}00", "1.00");
        var seen = new List<string>();
        var cursor = "";
        var pages = 0;
        do
        {
            var r = await _h.Alice.Get($"/markets/trades?limit=2&cursor={Uri.EscapeDataString(cursor)}");
            Assert.Equal(200, r.Status);
            seen.AddRange(r.Body.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("yes_price_dollars").GetString()!));
            cursor = r.Str("cursor");
            // a print between pages lands before the first page: the walk neither repeats nor skips
            if (pages++ == 0) await Trade(Other, "0.2000", "1.00");
        } while (cursor != "" && pages < 10);
        Assert.Equal(["0.4400", "0.4300", "0.4200", "0.4100", "0.4000"], seen);
    }

    [Fact]
    public async Task Trade_tape_filters_by_time_and_refuses_bad_parameters()
    {
        await Trade(Market, "0.4000", "1.00");
        var nowSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Single((await _h.Alice.Get($"/markets/trades?min_ts={nowSeconds - 60}")).Body.GetProperty("trades").EnumerateArray());
        Assert.Empty((await _h.Alice.Get($"/markets/trades?min_ts={nowSeconds + 60}")).Body.GetProperty("trades").EnumerateArray());
        Assert.Empty((await _h.Alice.Get($"/markets/trades?max_ts={nowSeconds - 60}")).Body.GetProperty("trades").EnumerateArray());
        Assert.Empty((await _h.Alice.Get($"/markets/trades?ticker={Other}")).Body.GetProperty("trades").EnumerateArray());

        foreach (var bad in new[] { "limit=0", "limit=1001", "cursor=%%%", "cursor=bzo1", "min_ts=-5", "max_ts=abc" })
        {
            var r = await _h.Alice.Get($"/markets/trades?{bad}");
            Assert.Equal(400, r.Status);
            Assert.Equal("invalid_parameters", r.ErrorCode);
        }
    }

    [Fact]
    public async Task Market_data_answers_unsigned_callers_like_kalshi()
    {
        var (trades, tradesBody) = await Unsigned("/markets/trades");
        Assert.Equal(200, trades);
        Assert.True(tradesBody.TryGetProperty("trades", out _)); // the literal route, not a market called "trades"
        Assert.Equal(200, (await Unsigned("/markets?limit=3")).Status);
        var (market, marketBody) = await Unsigned($"/markets/{Market}");
        Assert.Equal(200, market);
        Assert.Equal(Market, marketBody.GetProperty("market").GetProperty("ticker").GetString());
        Assert.Equal(200, (await Unsigned($"/markets/{Market}/orderbook")).Status);
        Assert.Equal(200, (await Unsigned("/events/KXNFLGAME-26SEP20PHITEN")).Status);
        Assert.Equal(200, (await Unsigned("/series/KXNFLGAME")).Status);
        Assert.Equal(200, (await Unsigned("/events")).Status);
        Assert.Equal(200, (await Unsigned("/series")).Status);
    }

    [Fact]
    public async Task Private_and_badly_signed_requests_are_still_refused()
    {
        var (balance, body) = await Unsigned("/portfolio/balance");
        Assert.Equal(401, balance);
        Assert.Equal("signature_is_missing_from_headers", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(401, (await Unsigned("/marketsx")).Status);

        // headers present: verified, even on a public path
        var stale = await _h.Alice.Send(HttpMethod.Get, "/markets/trades", null, timestampMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 30_000);
        Assert.Equal(401, stale.Status);
        Assert.Equal("header_timestamp_expired", stale.ErrorCode);
    }
}
