using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Rest;

public sealed class OrderEntryTests : IAsyncLifetime
{
    private SimHarness _h = null!;

    public async Task InitializeAsync() => _h = await Start();
    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Resting_order_reserves_cash_and_cancel_releases_it()
    {
        var created = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "10.00", "c1"));
        Assert.Equal(201, created.Status);
        Assert.Equal("0.00", created.Str("fill_count"));
        Assert.Equal("10.00", created.Str("remaining_count"));
        var id = created.Str("order_id");

        // 10 × 0.40 = 4.00 plus worst-case taker fee 0.17 held
        var balance = await _h.Alice.Get("/portfolio/balance");
        Assert.Equal("995.8300", balance.Str("balance_dollars"));

        var order = await _h.Alice.Get($"/portfolio/orders/{id}");
        Assert.Equal("resting", order.Str("order", "status"));
        Assert.Equal("c1", order.Str("order", "client_order_id"));
        Assert.Equal("0.4000", order.Str("order", "yes_price_dollars"));

        var canceled = await _h.Alice.Delete($"/portfolio/events/orders/{id}");
        Assert.Equal(200, canceled.Status);
        Assert.Equal("10.00", canceled.Str("reduced_by"));
        Assert.Equal("canceled", (await _h.Alice.Get($"/portfolio/orders/{id}")).Str("order", "status"));
        Assert.Equal("1000.0000", (await _h.Alice.Get("/portfolio/balance")).Str("balance_dollars"));

        var again = await _h.Alice.Delete($"/portfolio/events/orders/{id}");
        Assert.Equal(404, again.Status);
        Assert.Equal("not_found", again.ErrorCode);
    }

    [Fact]
    public async Task Crossing_orders_fill_at_the_maker_price_with_fees()
    {
        var ask = await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.4000", "10.00"));
        Assert.Equal(201, ask.Status);
        var bid = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4500", "4.00"));
        Assert.Equal(201, bid.Status);
        Assert.Equal("4.00", bid.Str("fill_count"));
        Assert.Equal("executed", bid.Str("status"));
        Assert.Equal("0.4000", bid.Str("average_fill_price"));

        var fills = await _h.Alice.Get("/portfolio/fills");
        var fill = fills.Body.GetProperty("fills")[0];
        Assert.Equal("0.4000", fill.GetProperty("yes_price_dollars").GetString());
        Assert.Equal("4.00", fill.GetProperty("count_fp").GetString());
        Assert.True(fill.GetProperty("is_taker").GetBoolean());
        Assert.Equal("0.0672", fill.GetProperty("fee_cost").GetString()); // 0.07 × 4 × 0.4 × 0.6

        var bobFill = (await _h.Bob.Get("/portfolio/fills")).Body.GetProperty("fills")[0];
        Assert.False(bobFill.GetProperty("is_taker").GetBoolean());
        Assert.Equal("no", bobFill.GetProperty("outcome_side").GetString());
        Assert.Equal("0.0168", bobFill.GetProperty("fee_cost").GetString()); // maker fee on a game series

        var pos = (await _h.Alice.Get("/portfolio/positions")).Body.GetProperty("market_positions")[0];
        Assert.Equal("4.00", pos.GetProperty("position_fp").GetString());
        var bobPos = (await _h.Bob.Get("/portfolio/positions")).Body.GetProperty("market_positions")[0];
        Assert.Equal("-4.00", bobPos.GetProperty("position_fp").GetString());

        var bobOrder = await _h.Bob.Get($"/portfolio/orders/{ask.Str("order_id")}");
        Assert.Equal("4.00", bobOrder.Str("order", "fill_count_fp"));
        Assert.Equal("6.00", bobOrder.Str("order", "remaining_count_fp"));

        var market = await _h.Alice.Get($"/markets/{Market}");
        Assert.Equal("0.4000", market.Str("market", "last_price_dollars"));
        Assert.Equal("4.00", market.Str("market", "volume_fp"));
        Assert.Equal("4.00", market.Str("market", "open_interest_fp"));
    }

    [Fact]
    public async Task Client_order_id_is_never_reusable()
    {
        var first = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.3000", "1.00", "dup"));
        Assert.Equal(201, first.Status);
        var second = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.3100", "1.00", "dup"));
        Assert.Equal(409, second.Status);
        Assert.Equal("order_already_exists", second.ErrorCode);

        await _h.Alice.Delete($"/portfolio/events/orders/{first.Str("order_id")}");
        var afterCancel = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.3000", "1.00", "dup", ticker: "KXNFLGAME-26SEP20PHITEN-TEN"));
        Assert.Equal(409, afterCancel.Status);

        // another account may use the same id
        Assert.Equal(201, (await _h.Bob.Post("/portfolio/events/orders", Order("bid", "0.3000", "1.00", "dup"))).Status);
    }

    [Fact]
    public async Task Insufficient_balance_is_refused()
    {
        var r = await _h.Carol.Post("/portfolio/events/orders", Order("bid", "0.6000", "10.00"));
        Assert.Equal(400, r.Status);
        Assert.Equal("insufficient_balance", r.ErrorCode);
        Assert.Equal(201, (await _h.Carol.Post("/portfolio/events/orders", Order("bid", "0.4000", "10.00"))).Status);
        // the resting order holds cash: a second one no longer fits
        var second = await _h.Carol.Post("/portfolio/events/orders", Order("bid", "0.1000", "10.00"));
        Assert.Equal("insufficient_balance", second.ErrorCode);
    }

    [Fact]
    public async Task Post_only_that_would_cross_is_refused()
    {
        await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.5000", "5.00"));
        var r = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.5000", "1.00", postOnly: true));
        Assert.Equal(400, r.Status);
        Assert.Equal("invalid_order", r.ErrorCode);
        Assert.Contains("post only cross", r.Text);
        Assert.Equal(201, (await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4900", "1.00", postOnly: true))).Status);
    }

    [Theory]
    [InlineData("0.0050")]
    [InlineData("0.5550")]
    [InlineData("1.0000")]
    [InlineData("0.0000")]
    [InlineData("abc")]
    public async Task Invalid_prices_are_refused(string price)
    {
        var r = await _h.Alice.Post("/portfolio/events/orders", Order("bid", price, "1.00"));
        Assert.Equal(400, r.Status);
        Assert.Equal("invalid_price", r.ErrorCode);
    }

    [Fact]
    public async Task Numbers_must_be_strings()
    {
        var body = $$"""{"ticker":"{{Market}}","client_order_id":"n1","side":"bid","price":"0.5000","count":10}""";
        var r = await _h.Alice.Post("/portfolio/events/orders", body);
        Assert.Equal(400, r.Status);
        Assert.Equal("invalid_parameters", r.ErrorCode);
    }

    [Fact]
    public async Task Closed_market_refuses_orders_and_cancels_resting_ones()
    {
        var resting = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.3000", "2.00"));
        Assert.True(_h.X.CloseMarket(Market));
        var r = await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.3000", "1.00"));
        Assert.Equal(400, r.Status);
        Assert.Contains("MARKET_INACTIVE", r.Text);
        Assert.Equal("canceled", (await _h.Alice.Get($"/portfolio/orders/{resting.Str("order_id")}")).Str("order", "status"));
        Assert.Equal("closed", (await _h.Alice.Get($"/markets/{Market}")).Str("market", "status"));
        Assert.Equal("1000.0000", (await _h.Alice.Get("/portfolio/balance")).Str("balance_dollars"));
    }

    [Fact]
    public async Task Decrease_by_and_to()
    {
        var id = (await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.2000", "10.00"))).Str("order_id");
        var by = await _h.Alice.Post($"/portfolio/events/orders/{id}/decrease", new { reduce_by = "3.00" });
        Assert.Equal(200, by.Status);
        Assert.Equal("3.00", by.Str("reduced_by"));
        Assert.Equal("7.00", by.Str("remaining_count"));
        var to = await _h.Alice.Post($"/portfolio/events/orders/{id}/decrease", new { reduce_to = "2.00" });
        Assert.Equal("5.00", to.Str("reduced_by"));
        Assert.Equal("2.00", (await _h.Alice.Get($"/portfolio/orders/{id}")).Str("order", "remaining_count_fp"));
        var both = await _h.Alice.Post($"/portfolio/events/orders/{id}/decrease", new { reduce_to = "1.00", reduce_by = "1.00" });
        Assert.Equal(400, both.Status);
        var other = await _h.Bob.Post($"/portfolio/events/orders/{id}/decrease", new { reduce_by = "1.00" });
        Assert.Equal(404, other.Status);
    }

    [Fact]
    public async Task Amend_reprices_and_may_trade()
    {
        await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.5500", "3.00"));
        var id = (await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.5000", "5.00"))).Str("order_id");
        var amended = await _h.Alice.Post($"/portfolio/events/orders/{id}/amend", new { price = "0.5500", count = "5.00" });
        Assert.Equal(200, amended.Status);
        Assert.Equal("0.5000", amended.Str("old_order", "yes_price_dollars"));
        Assert.Equal("0.5500", amended.Str("order", "yes_price_dollars"));
        Assert.Equal("3.00", amended.Str("order", "fill_count_fp"));
        Assert.Equal("2.00", amended.Str("order", "remaining_count_fp"));
        var book = await _h.Alice.Get($"/markets/{Market}/orderbook");
        Assert.Equal("0.5500", book.Body.GetProperty("orderbook_fp").GetProperty("yes_dollars").EnumerateArray().Last()[0].GetString());
    }

    [Fact]
    public async Task Batched_create_and_cancel()
    {
        var created = await _h.Alice.Post("/portfolio/events/orders/batched", new
        {
            orders = new[] { Order("bid", "0.1000", "1.00", "b1"), Order("bid", "0.1100", "1.00", "b1"), Order("bid", "0.1200", "1.00", "b2") },
        });
        Assert.Equal(201, created.Status);
        var items = created.Body.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("order_already_exists", items[1].GetProperty("error").GetProperty("code").GetString());
        var ids = new[] { items[0], items[2] }.Select(i => i.GetProperty("order").GetProperty("order_id").GetString()!).ToList();

        var canceled = await _h.Alice.Delete("/portfolio/events/orders/batched", new { ids = ids.Append("nope") });
        Assert.Equal(200, canceled.Status);
        var results = canceled.Body.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal("1.00", results[0].GetProperty("order").GetProperty("reduced_by").GetString());
        Assert.Equal("not_found", results[2].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Orders_list_filters_by_status()
    {
        var a = (await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.1000", "1.00"))).Str("order_id");
        var b = (await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.1100", "1.00"))).Str("order_id");
        await _h.Alice.Delete($"/portfolio/events/orders/{a}");
        var resting = await _h.Alice.Get("/portfolio/orders?status=resting");
        Assert.Equal([b], resting.Body.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("order_id").GetString()));
        Assert.Equal("", resting.Str("cursor"));
    }

    [Fact]
    public async Task Unknown_order_is_404()
    {
        Assert.Equal(404, (await _h.Alice.Get("/portfolio/orders/o0-999")).Status);
        Assert.Equal(404, (await _h.Alice.Delete("/portfolio/events/orders/o0-999")).Status);
    }

    [Fact]
    public async Task Amend_needs_balance_and_an_open_market()
    {
        var id = (await _h.Carol.Post("/portfolio/events/orders", Order("bid", "0.1000", "10.00"))).Str("order_id");
        var tooBig = await _h.Carol.Post($"/portfolio/events/orders/{id}/amend", new { price = "0.9000", count = "10.00" });
        Assert.Equal("insufficient_balance", tooBig.ErrorCode);
        Assert.Equal("0.1000", (await _h.Carol.Get($"/portfolio/orders/{id}")).Str("order", "yes_price_dollars"));

        var aliceId = (await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.1000", "1.00"))).Str("order_id");
        _h.X.CloseMarket(Market);
        var closed = await _h.Alice.Post($"/portfolio/events/orders/{aliceId}/amend", new { price = "0.2000", count = "1.00" });
        Assert.Contains("MARKET_INACTIVE", closed.Text);
    }

    [Fact]
    public async Task Plain_quadratic_series_charges_no_maker_fee()
    {
        const string spread = "KXNFLSPREAD-26SEP20PHITEN-TEN7";
        Assert.Equal(201, (await _h.Bob.Post("/portfolio/events/orders", Order("ask", "0.4000", "4.00", ticker: spread))).Status);
        await _h.Alice.Post("/portfolio/events/orders", Order("bid", "0.4000", "4.00", ticker: spread));
        Assert.Equal("0.0000", (await _h.Bob.Get("/portfolio/fills")).Body.GetProperty("fills")[0].GetProperty("fee_cost").GetString());
        Assert.Equal("0.0672", (await _h.Alice.Get("/portfolio/fills")).Body.GetProperty("fills")[0].GetProperty("fee_cost").GetString());
    }
}
