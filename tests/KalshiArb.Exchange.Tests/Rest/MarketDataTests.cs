namespace KalshiArb.Exchange.Tests.Rest;

public sealed class MarketDataTests : IAsyncLifetime
{
    private SimHarness _h = null!;

    public async Task InitializeAsync() => _h = await SimHarness.Start(liquidity: true);
    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Pagination_walks_every_market_once_and_ends_with_empty_cursor()
    {
        var seen = new List<string>();
        var cursor = "";
        var pages = 0;
        do
        {
            var r = await _h.Alice.Get($"/markets?limit=7&cursor={Uri.EscapeDataString(cursor)}");
            Assert.Equal(200, r.Status);
            var markets = r.Body.GetProperty("markets").EnumerateArray().ToList();
            Assert.True(markets.Count <= 7);
            seen.AddRange(markets.Select(m => m.GetProperty("ticker").GetString()!));
            cursor = r.Str("cursor");
            pages++;
        } while (cursor != "" && pages < 100);

        Assert.Equal(_h.X.Catalog.Markets.Count, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(pages > 2);
    }

    [Fact]
    public async Task Default_limit_is_100_and_over_1000_is_refused()
    {
        var all = await _h.Alice.Get("/markets");
        Assert.Equal(Math.Min(100, _h.X.Catalog.Markets.Count), all.Body.GetProperty("markets").GetArrayLength());
        var tooMany = await _h.Alice.Get("/markets?limit=1001");
        Assert.Equal(400, tooMany.Status);
    }

    [Fact]
    public async Task Series_filter_is_exact_and_excludes_spreads_and_totals()
    {
        var r = await _h.Alice.Get("/markets?series_ticker=KXNFLGAME&limit=1000");
        var tickers = r.Body.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("ticker").GetString()!).ToList();
        Assert.NotEmpty(tickers);
        Assert.All(tickers, t => Assert.StartsWith("KXNFLGAME-", t));
        Assert.Contains(SimHarness.Market, tickers);

        var spreads = await _h.Alice.Get("/markets?series_ticker=KXNFLSPREAD");
        Assert.NotEmpty(spreads.Body.GetProperty("markets").EnumerateArray());
        Assert.Contains(_h.X.Catalog.Markets, m => m.Ticker.StartsWith("KXNFLTOTAL-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Game_market_has_kalshi_shape()
    {
        var r = await _h.Alice.Get($"/markets/{SimHarness.Market}");
        Assert.Equal(200, r.Status);
        var m = r.Body.GetProperty("market");
        Assert.Equal("KXNFLGAME-26SEP20PHITEN", m.GetProperty("event_ticker").GetString());
        Assert.Equal("Philadelphia", m.GetProperty("yes_sub_title").GetString());
        Assert.Equal("active", m.GetProperty("status").GetString());
        Assert.Equal("", m.GetProperty("result").GetString());
        var range = m.GetProperty("price_ranges")[0];
        Assert.Equal("0.0100", range.GetProperty("start").GetString());
        Assert.Equal("0.9900", range.GetProperty("end").GetString());
        Assert.Equal("0.0100", range.GetProperty("step").GetString());
        foreach (var field in new[] { "yes_bid_dollars", "yes_ask_dollars", "no_bid_dollars", "no_ask_dollars", "volume_fp", "open_interest_fp", "last_price_dollars" })
            Assert.Equal(JsonValueKind.String, m.GetProperty(field).ValueKind);
        // the makers quote a spread around the fair value
        Assert.True(decimal.Parse(m.GetProperty("yes_bid_dollars").GetString()!) < decimal.Parse(m.GetProperty("yes_ask_dollars").GetString()!));
    }

    [Fact]
    public async Task Orderbook_is_ascending_with_best_last_and_depth_limits_levels()
    {
        var full = await _h.Alice.Get($"/markets/{SimHarness.Market}/orderbook");
        var yes = full.Body.GetProperty("orderbook_fp").GetProperty("yes_dollars").EnumerateArray().Select(l => decimal.Parse(l[0].GetString()!)).ToList();
        var no = full.Body.GetProperty("orderbook_fp").GetProperty("no_dollars").EnumerateArray().Select(l => decimal.Parse(l[0].GetString()!)).ToList();
        Assert.True(yes.Count >= 2 && no.Count >= 2);
        Assert.Equal(yes.Order().ToList(), yes);
        Assert.Equal(no.Order().ToList(), no);
        Assert.True(yes[^1] + no[^1] < 1m, "book must not be crossed");

        var top = await _h.Alice.Get($"/markets/{SimHarness.Market}/orderbook?depth=1");
        var yesTop = top.Body.GetProperty("orderbook_fp").GetProperty("yes_dollars");
        Assert.Equal(1, yesTop.GetArrayLength());
        Assert.Equal(yes[^1], decimal.Parse(yesTop[0][0].GetString()!));
    }

    [Fact]
    public async Task Series_reports_fee_type_per_series()
    {
        var game = await _h.Alice.Get("/series/KXNFLGAME");
        Assert.Equal("quadratic_with_maker_fees", game.Body.GetProperty("series").GetProperty("fee_type").GetString());
        var spread = await _h.Alice.Get("/series/KXNFLSPREAD");
        Assert.Equal("quadratic", spread.Body.GetProperty("series").GetProperty("fee_type").GetString());
        var all = await _h.Alice.Get("/series");
        Assert.Contains(all.Body.GetProperty("series").EnumerateArray(), s => s.GetProperty("ticker").GetString() == "KXNBAGAME");
    }

    [Fact]
    public async Task Events_list_their_two_team_markets()
    {
        var r = await _h.Alice.Get("/events/KXNFLGAME-26SEP20PHITEN");
        Assert.Equal(200, r.Status);
        var tickers = r.Body.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("ticker").GetString()).ToList();
        Assert.Equal(["KXNFLGAME-26SEP20PHITEN-PHI", "KXNFLGAME-26SEP20PHITEN-TEN"], tickers);
        var page = await _h.Alice.Get("/events?series_ticker=KXNFLGAME&with_nested_markets=true");
        Assert.All(page.Body.GetProperty("events").EnumerateArray(), e => Assert.Equal(2, e.GetProperty("markets").GetArrayLength()));
    }

    [Fact]
    public async Task Unknown_market_is_404()
    {
        var r = await _h.Alice.Get("/markets/KXNFLGAME-NOPE");
        Assert.Equal(404, r.Status);
        Assert.Equal("not_found", r.ErrorCode);
    }

    [Fact]
    public async Task Malformed_cursor_is_refused_and_status_filter_applies()
    {
        Assert.Equal(400, (await _h.Alice.Get("/markets?cursor=%%%")).Status);
        _h.X.CloseMarket(SimHarness.Market);
        var open = await _h.Alice.Get("/markets?status=open&limit=1000");
        Assert.DoesNotContain(open.Body.GetProperty("markets").EnumerateArray(), m => m.GetProperty("ticker").GetString() == SimHarness.Market);
        var closed = await _h.Alice.Get("/markets?status=closed");
        Assert.Equal(SimHarness.Market, Assert.Single(closed.Body.GetProperty("markets").EnumerateArray()).GetProperty("ticker").GetString());
    }
}
