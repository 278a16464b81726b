using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiArb.Tests.Shared;

namespace KalshiArb.Kalshi.Tests.Fuzz;

/// <summary>
/// Hostile REST bodies for every call our client makes: each comes back as a value or a typed error with a reason
/// code, never as an exception. Served by an in-memory handler (no socket, no network).
/// </summary>
public sealed class RestBodyFuzzTests
{
    private const string Phi = "KXNFLGAME-26SEP20PHITEN-PHI";

    /// <summary>Answers every request with the body (and status) set for the call under test.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        public volatile byte[] Body = [];
        public volatile int Status = 200;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage((HttpStatusCode)Status) { Content = new ByteArrayContent(Body) });
    }

    private sealed record Call(string Name, string Sample, Func<KalshiRestClient, Task<KalshiError?>> Run);

    private static async Task<KalshiError?> ErrorOf<T>(Task<KalshiResult<T>> call)
    {
        var r = await call;
        return r.IsSuccess ? null : r.Error;
    }

    private static readonly KalshiOrderRequest Order = new(Phi, "exec-1", OrderSide.Bid, Quantity.FromContracts(1), Price.FromCents(50));

    private static readonly Call[] Calls =
    [
        new("markets page", $$$"""{"markets":[{{{Wire.WireMapperTests.MarketJson}}}],"cursor":""}""", c => ErrorOf(c.GetMarketsPageAsync())),
        new("discovery", $$$"""{"markets":[{{{Wire.WireMapperTests.MarketJson}}}],"cursor":""}""", c => ErrorOf(c.DiscoverMarketsAsync(["KXNFLGAME"]))),
        new("market", $$$"""{"market":{{{Wire.WireMapperTests.MarketJson}}}}""", c => ErrorOf(c.GetMarketAsync(Phi))),
        new("orderbook", """{"orderbook_fp":{"yes_dollars":[["0.4700","3.00"]],"no_dollars":[["0.5100","2.00"]]}}""", c => ErrorOf(c.GetOrderbookAsync(Phi))),
        new("series", """{"series":{"ticker":"KXNFLGAME","title":"NFL","category":"Sports","fee_type":"quadratic_with_maker_fees","fee_multiplier":1}}""",
            c => ErrorOf(c.GetSeriesAsync("KXNFLGAME"))),
        new("series list", """{"series":[{"ticker":"KXNFLGAME","fee_type":"quadratic","fee_multiplier":"1.0"}]}""", c => ErrorOf(c.GetSeriesListAsync())),
        new("balance", """{"balance":1000,"balance_dollars":"10.0000","portfolio_value":1250,"updated_ts":1781159387}""", c => ErrorOf(c.GetBalanceAsync())),
        new("positions", $$$"""{"market_positions":[{"ticker":"{{{Phi}}}","position_fp":"-3.00","market_exposure_dollars":"1.5000","realized_pnl_dollars":"-0.2000","fees_paid_dollars":"0.0400"}],"cursor":""}""",
            c => ErrorOf(c.GetPositionsAsync())),
        new("fills", $$$"""{"fills":[{"fill_id":"f","trade_id":"t","order_id":"o","client_order_id":"c","ticker":"{{{Phi}}}","outcome_side":"yes","book_side":"bid","count_fp":"2.00","yes_price_dollars":"0.5000","no_price_dollars":"0.5000","is_taker":true,"fee_cost":"0.0350","ts":1781159387}],"cursor":""}""",
            c => ErrorOf(c.GetFillsAsync())),
        new("orders", $$$"""{"orders":[{"order_id":"o","client_order_id":"c","ticker":"{{{Phi}}}","outcome_side":"yes","book_side":"bid","status":"resting","yes_price_dollars":"0.5000","fill_count_fp":"0.00","remaining_count_fp":"1.00","initial_count_fp":"1.00","taker_fees_dollars":"0.0000","created_time":"2026-09-20T12:00:00Z"}],"cursor":""}""",
            c => ErrorOf(c.GetOrdersAsync())),
        new("order", $$$"""{"order":{"order_id":"o","ticker":"{{{Phi}}}","status":"executed","yes_price_dollars":"0.5000","fill_count_fp":"1.00","remaining_count_fp":"0.00"}}""",
            c => ErrorOf(c.GetOrderAsync("o"))),
        new("create", """{"order_id":"o-9","client_order_id":"exec-1","fill_count":"0.00","remaining_count":"10.00","ts_ms":1781159387354}""",
            c => ErrorOf(c.CreateOrderAsync(Order))),
        new("cancel", """{"order_id":"o-1","client_order_id":"c1","reduced_by":"4.00","ts_ms":1}""", c => ErrorOf(c.CancelOrderAsync("o-1"))),
        new("decrease", """{"order_id":"o-1","reduced_by":"1.00","ts_ms":2}""",
            c => ErrorOf(c.DecreaseOrderAsync("o-1", new OrderDecrease(Quantity.FromContracts(1), null)))),
        new("amend", """{"order_id":"o-1","price":"0.5500","remaining_count":"3.00","ts_ms":3}""",
            c => ErrorOf(c.AmendOrderAsync("o-1", new OrderAmend(Phi, Price.FromCents(55), null)))),
        new("batch create", """{"orders":[{"client_order_id":"a","order":{"order_id":"o-a","client_order_id":"a","fill_count":"0.00","remaining_count":"1.00"}},{"client_order_id":"b","error":{"code":"insufficient_balance","message":"x"}}]}""",
            c => ErrorOf(c.CreateOrdersAsync([Order, Order with { ClientOrderId = "exec-2" }]))),
        new("batch cancel", """{"orders":[{"order_id":"o-a","reduced_by":"1.00"},{"order_id":"o-z","error":{"code":"not_found","message":"gone"}}]}""",
            c => ErrorOf(c.CancelOrdersAsync(["o-a", "o-z"]))),
    ];

    private static readonly string[] Fields =
    [
        "markets", "market", "cursor", "ticker", "event_ticker", "market_type", "yes_sub_title", "no_sub_title", "status", "result",
        "yes_bid_dollars", "yes_ask_dollars", "no_bid_dollars", "no_ask_dollars", "yes_bid_size_fp", "yes_ask_size_fp", "last_price_dollars",
        "volume_fp", "open_interest_fp", "open_time", "close_time", "expected_expiration_time", "price_ranges", "start", "end", "step",
        "orderbook_fp", "yes_dollars", "no_dollars", "series", "fee_type", "fee_multiplier", "balance", "balance_dollars",
        "portfolio_value", "updated_ts", "market_positions", "position_fp", "market_exposure_dollars", "realized_pnl_dollars",
        "fees_paid_dollars", "fills", "fill_id", "trade_id", "order_id", "client_order_id", "outcome_side", "book_side", "side",
        "count_fp", "yes_price_dollars", "no_price_dollars", "is_taker", "fee_cost", "ts", "orders", "order", "fill_count_fp",
        "remaining_count_fp", "initial_count_fp", "taker_fees_dollars", "maker_fees_dollars", "created_time", "fill_count",
        "remaining_count", "ts_ms", "reduced_by", "price", "error", "code", "message", "details", "msg",
    ];

    private static KalshiRestClient Client(CannedHandler handler) =>
        new(new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) }, new KalshiRestOptions
        {
            BaseUrl = new Uri("http://fuzz.invalid/trade-api/v2"),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(1),
            Tier = new KalshiRateTier("fuzz", 1_000_000, 1_000_000),
        });

    private static async Task<bool> Answers(Call call, int status, byte[] body)
    {
        var handler = new CannedHandler { Status = status, Body = body };
        var error = await call.Run(Client(handler)).WaitAsync(TimeSpan.FromSeconds(20));
        // a value, or an error whose kind names the reason (an unknown status is Unknown, still a kind)
        return error is null || (Enum.IsDefined(error.Kind) && error.HttpStatus == (status is >= 200 and <= 299 ? 0 : status)
                                 && error.Kind != KalshiErrorKind.Transport && error.Kind != KalshiErrorKind.Timeout);
    }

    [Fact]
    public async Task Every_sample_body_maps_to_a_value()
    {
        foreach (var call in Calls)
        {
            var handler = new CannedHandler { Status = call.Name == "create" ? 201 : 200, Body = System.Text.Encoding.UTF8.GetBytes(call.Sample) };
            var error = await call.Run(Client(handler)).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(error is null, $"{call.Name}: {error}");
        }
    }

    private static readonly Gen<(Call Call, byte[] Body)> HostileOk =
        from call in Gen.Elements(Calls)
        from body in HostileJson.From(call.Sample, Fields)
        select (call, body);

    [Property(MaxTest = 2_000)]
    public Property Hostile_success_bodies_come_back_as_values_or_malformed_errors() =>
        Prop.ForAll(HostileOk.ToArbitrary(), async c => await Answers(c.Call, 200, c.Body));

    private static readonly Gen<(Call Call, int Status, byte[] Body)> HostileErrors =
        from call in Gen.Elements(Calls)
        from status in Gen.Elements(400, 401, 404, 409, 422, 418)
        from body in HostileJson.From("""{"error":{"code":"insufficient_balance","message":"not enough","details":"need 1.00"}}""", Fields)
        select (call, status, body);

    [Property(MaxTest = 500)]
    public Property Hostile_error_bodies_come_back_as_typed_errors() =>
        Prop.ForAll(HostileErrors.ToArbitrary(), async c => await Answers(c.Call, c.Status, c.Body));

    // ---- what the fuzzing found, pinned ----

    [Fact]
    public void Unreadable_error_bodies_become_errors_of_their_status()
    {
        var notUtf8 = System.Text.Encoding.UTF8.GetBytes("""{"code":"bad#"}""");
        notUtf8[Array.IndexOf(notUtf8, (byte)'#')] = 0xFE;
        var loneSurrogate = System.Text.Encoding.UTF8.GetBytes("""{"code":"\udfff","message":"x"}""");
        foreach (var body in new[] { notUtf8, loneSurrogate })
        {
            var e = KalshiErrorParser.Parse(409, body);
            Assert.Equal(KalshiErrorKind.OrderAlreadyExists, e.Kind);
            Assert.Equal(409, e.HttpStatus);
            Assert.NotNull(e.Message);
        }
    }

    [Theory]
    [InlineData("orders", """{"orders":[null],"cursor":""}""")]
    [InlineData("markets page", """{"markets":[null],"cursor":""}""")]
    [InlineData("market", """{"market":{"ticker":"KXNFLGAME-26SEP20PHITEN-PHI","event_ticker":"KXNFLGAME-26SEP20PHITEN","price_ranges":[null]}}""")]
    [InlineData("batch cancel", """{"orders":[null]}""")]
    [InlineData("batch create", """{"orders":[null]}""")]
    [InlineData("discovery", """{"markets":[null],"cursor":""}""")]
    public async Task Null_items_are_refused_not_dereferenced(string call, string body)
    {
        var c = Calls.Single(x => x.Name == call);
        Assert.True(await Answers(c, 200, System.Text.Encoding.UTF8.GetBytes(body)));
    }
}
