using KalshiArb.Kalshi.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace KalshiArb.Kalshi.Tests.Rest;

public sealed class KalshiRestClientTests : IAsyncLifetime
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly HttpClient _http = new();
    private LoopbackServer? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _http.Dispose();
        _key.Dispose();
    }

    private async Task<KalshiRestClient> Start(Func<HttpContext, SeenRequest, Task> handler, TimeSpan? attemptTimeout = null, int maxRetries = 3)
    {
        _server = await LoopbackServer.StartAsync(handler);
        var options = new KalshiRestOptions
        {
            BaseUrl = new Uri(_server.BaseUrl, "/trade-api/v2"),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(200),
            // generous tier: these tests are about retries, not metering
            Tier = new KalshiRateTier("test", 100_000, 100_000),
        };
        return new KalshiRestClient(_http, options, KalshiSigner.FromPem("key-1", _key.ExportPkcs8PrivateKeyPem()));
    }

    private static string MarketJson(string ticker, string eventTicker) =>
        WireMapperTestsMarket.Replace("KXNFLGAME-26SEP20PHITEN-PHI", ticker).Replace("KXNFLGAME-26SEP20PHITEN\"", eventTicker + "\"");

    private static readonly string WireMapperTestsMarket = Wire.WireMapperTests.MarketJson;

    private bool SignatureValid(SeenRequest r)
    {
        var text = r.Headers[KalshiSigner.TimestampHeader] + r.Method + r.Path;
        return _key.VerifyData(Encoding.UTF8.GetBytes(text), Convert.FromBase64String(r.Headers[KalshiSigner.SignatureHeader]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
    }

    [Fact]
    public async Task Discovery_follows_cursors_keeps_exact_series_and_signs_without_query()
    {
        var client = await Start((ctx, r) =>
        {
            var series = r.QueryValue("series_ticker");
            var cursor = r.QueryValue("cursor");
            if (series == "KXNFLGAME" && cursor is null)
                return LoopbackServer.Json(ctx, 200, $$"""{"markets":[{{MarketJson("KXNFLGAME-26SEP20PHITEN-PHI", "KXNFLGAME-26SEP20PHITEN")}},{{MarketJson("KXNFLGAME-26SEP20PHITEN-TEN", "KXNFLGAME-26SEP20PHITEN")}}],"cursor":"page2"}""");
            if (series == "KXNFLGAME" && cursor == "page2")
                // a prefix-matching server leaks a spread market in: it must be filtered out
                return LoopbackServer.Json(ctx, 200, $$"""{"markets":[{{MarketJson("KXNFLGAME-26SEP27DALNYG-DAL", "KXNFLGAME-26SEP27DALNYG")}},{{MarketJson("KXNFLSPREAD-26SEP27DALNYG-DAL3", "KXNFLSPREAD-26SEP27DALNYG")}}],"cursor":""}""");
            return LoopbackServer.Json(ctx, 200, """{"markets":[],"cursor":""}""");
        });

        var result = await client.DiscoverMarketsAsync(["KXNFLGAME", "KXNBAGAME"], "open");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["KXNFLGAME-26SEP20PHITEN-PHI", "KXNFLGAME-26SEP20PHITEN-TEN", "KXNFLGAME-26SEP27DALNYG-DAL"], result.Value.Markets.Select(m => m.Ticker));
        Assert.Single(result.Value.Rejected);
        Assert.Contains("KXNFLSPREAD", result.Value.Rejected[0]);
        var requests = _server!.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r =>
        {
            Assert.Equal("/trade-api/v2/markets", r.Path);
            Assert.Equal("open", r.QueryValue("status"));
            Assert.Equal("key-1", r.Headers[KalshiSigner.KeyHeader]);
            Assert.True(SignatureValid(r));
        });
    }

    [Fact]
    public async Task Rate_limited_get_is_retried_until_success()
    {
        var calls = 0;
        var client = await Start((ctx, _) => Interlocked.Increment(ref calls) <= 2
            ? LoopbackServer.Json(ctx, 429, """{"error":{"code":"too_many_requests","message":"slow"}}""")
            : LoopbackServer.Json(ctx, 200, """{"balance":1000,"balance_dollars":"10.0000"}"""));

        var result = await client.GetBalanceAsync();

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(Money.FromDollars(10), result.Value.Balance);
        Assert.Equal(3, calls);
        Assert.Equal(2, client.RetryCount);
    }

    [Fact]
    public async Task Server_errors_back_off_then_surface_as_server_error()
    {
        var stamps = new List<long>();
        var client = await Start((ctx, _) =>
        {
            lock (stamps) stamps.Add(Stopwatch.GetTimestamp());
            return LoopbackServer.Json(ctx, 503, """{"msg":"unavailable"}""");
        }, maxRetries: 3);

        var result = await client.GetMarketAsync("KXNFLGAME-26SEP20PHITEN-PHI");

        Assert.False(result.IsSuccess);
        Assert.Equal(KalshiErrorKind.ServerError, result.Error.Kind);
        Assert.Equal(503, result.Error.HttpStatus);
        Assert.Equal(4, stamps.Count);
        // there was a pause between attempts (jittered exponential, base 20 ms)
        Assert.True(Stopwatch.GetElapsedTime(stamps[0], stamps[^1]) > TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task Create_without_client_order_id_is_never_retried()
    {
        var client = await Start((ctx, _) => LoopbackServer.Json(ctx, 503, """{"msg":"unavailable"}"""));

        var result = await client.CreateOrderAsync(new KalshiOrderRequest("KXNFLGAME-26SEP20PHITEN-PHI", null, OrderSide.Bid, Quantity.FromContracts(1), new Price(5000)));

        Assert.Equal(KalshiErrorKind.ServerError, result.Error!.Kind);
        Assert.Single(_server!.Requests);
        Assert.Equal(0, client.RetryCount);
    }

    [Fact]
    public async Task Create_with_client_order_id_is_retried_and_body_uses_wire_strings()
    {
        var calls = 0;
        var client = await Start((ctx, r) => Interlocked.Increment(ref calls) == 1
            ? LoopbackServer.Json(ctx, 502, "<html>bad gateway</html>")
            : LoopbackServer.Json(ctx, 201, """{"order_id":"o-9","client_order_id":"exec-1","fill_count":"0.00","remaining_count":"10.00","ts_ms":1781159387354}"""));

        var result = await client.CreateOrderAsync(new KalshiOrderRequest("KXNFLGAME-26SEP20PHITEN-PHI", "exec-1", OrderSide.Bid, Quantity.FromContracts(10), new Price(5600)));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("o-9", result.Value.OrderId);
        Assert.Equal(Quantity.FromContracts(10), result.Value.RemainingCount);
        var requests = _server!.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/trade-api/v2/portfolio/events/orders", r.Path);
            Assert.Contains("\"price\":\"0.5600\"", r.Body);
            Assert.Contains("\"count\":\"10.00\"", r.Body);
            Assert.Contains("\"client_order_id\":\"exec-1\"", r.Body);
            Assert.True(SignatureValid(r));
        });
    }

    [Fact]
    public async Task Duplicate_client_id_and_domain_errors_are_typed_not_retried()
    {
        var client = await Start((ctx, r) => r.Body.Contains("dup")
            ? LoopbackServer.Json(ctx, 409, """{"error":{"code":"order_already_exists","message":"exists"}}""")
            : LoopbackServer.Json(ctx, 400, """{"code":"insufficient_balance","message":"no money"}"""));

        var dup = await client.CreateOrderAsync(new KalshiOrderRequest("T-1-A", "dup", OrderSide.Bid, Quantity.FromContracts(1), new Price(5000)));
        var poor = await client.CreateOrderAsync(new KalshiOrderRequest("T-1-A", "c2", OrderSide.Bid, Quantity.FromContracts(1), new Price(5000)));

        Assert.Equal(KalshiErrorKind.OrderAlreadyExists, dup.Error!.Kind);
        Assert.Equal(KalshiErrorKind.InsufficientBalance, poor.Error!.Kind);
        Assert.Equal(2, _server!.Requests.Count);
    }

    [Fact]
    public async Task Slow_answers_time_out_per_attempt()
    {
        var client = await Start(async (ctx, _) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(3), ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // client gave up: that is the point
            }
            await LoopbackServer.Json(ctx, 200, """{"balance":1}""");
        }, attemptTimeout: TimeSpan.FromMilliseconds(200), maxRetries: 1);

        var sw = Stopwatch.StartNew();
        var result = await client.GetBalanceAsync();

        Assert.Equal(KalshiErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal(2, client.AttemptCount);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2.5), sw.Elapsed.ToString());
    }

    [Fact]
    public async Task Cancel_decrease_amend_and_batches_hit_v2_paths()
    {
        var client = await Start((ctx, r) => (r.Method, r.Path) switch
        {
            ("DELETE", "/trade-api/v2/portfolio/events/orders/o-1") => LoopbackServer.Json(ctx, 200, """{"order_id":"o-1","client_order_id":"c1","reduced_by":"4.00","ts_ms":1}"""),
            ("POST", "/trade-api/v2/portfolio/events/orders/o-1/decrease") => LoopbackServer.Json(ctx, 200, """{"order_id":"o-1","reduced_by":"1.00","ts_ms":2}"""),
            ("POST", "/trade-api/v2/portfolio/events/orders/o-1/amend") => LoopbackServer.Json(ctx, 200, """{"order_id":"o-1","price":"0.5500","remaining_count":"3.00","ts_ms":3}"""),
            ("POST", "/trade-api/v2/portfolio/events/orders/batched") => LoopbackServer.Json(ctx, 201,
                """{"orders":[{"client_order_id":"a","order":{"order_id":"o-a","client_order_id":"a","fill_count":"0.00","remaining_count":"1.00"}},{"client_order_id":"b","error":{"code":"insufficient_balance","message":"x"}}]}"""),
            ("DELETE", "/trade-api/v2/portfolio/events/orders/batched") => LoopbackServer.Json(ctx, 200,
                """{"orders":[{"order_id":"o-a","reduced_by":"1.00"},{"order_id":"o-z","error":{"code":"not_found","message":"gone"}}]}"""),
            ("DELETE", _) => LoopbackServer.Json(ctx, 404, """{"error":{"code":"not_found","message":"no order"}}"""),
            _ => LoopbackServer.Json(ctx, 500, "{}"),
        });

        var cancel = await client.CancelOrderAsync("o-1");
        Assert.Equal(Quantity.FromContracts(4), cancel.Value.ReducedBy);
        var missing = await client.CancelOrderAsync("o-404");
        Assert.Equal(KalshiErrorKind.NotFound, missing.Error!.Kind);
        var decrease = await client.DecreaseOrderAsync("o-1", new OrderDecrease(Quantity.FromContracts(1), null));
        Assert.Equal(Quantity.FromContracts(1), decrease.Value.ReducedBy);
        var amend = await client.AmendOrderAsync("o-1", new OrderAmend("T", new Price(5500), Quantity.FromContracts(3)));
        Assert.Equal(new Price(5500), amend.Value.Price);
        var batch = await client.CreateOrdersAsync([
            new KalshiOrderRequest("T-1-A", "a", OrderSide.Bid, Quantity.FromContracts(1), new Price(5000)),
            new KalshiOrderRequest("T-1-A", "b", OrderSide.Bid, Quantity.FromContracts(1), new Price(5000))]);
        Assert.Equal("o-a", batch.Value[0].Ack!.OrderId);
        Assert.Equal(KalshiErrorKind.InsufficientBalance, batch.Value[1].Error!.Kind);
        var batchCancel = await client.CancelOrdersAsync(["o-a", "o-z"]);
        Assert.Equal(Quantity.FromContracts(1), batchCancel.Value[0].Ack!.ReducedBy);
        Assert.Equal(KalshiErrorKind.NotFound, batchCancel.Value[1].Error!.Kind);
        Assert.Contains(_server!.Requests, r => r.Path.EndsWith("/decrease") && r.Body.Contains("\"reduce_by\":\"1.00\""));
        Assert.Contains(_server.Requests, r => r.Path.EndsWith("/amend") && r.Body.Contains("\"price\":\"0.5500\"") && r.Body.Contains("\"count\":\"3.00\""));
        Assert.Contains(_server.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/batched") && r.Body.Contains("\"ids\":[\"o-a\",\"o-z\"]"));
    }

    [Fact]
    public async Task Paged_orders_collect_and_bad_body_is_malformed()
    {
        var client = await Start((ctx, r) => r.Path switch
        {
            "/trade-api/v2/portfolio/orders" when r.QueryValue("cursor") is null => LoopbackServer.Json(ctx, 200,
                """{"orders":[{"order_id":"o1","ticker":"T","status":"resting","fill_count_fp":"0.00","remaining_count_fp":"1.00"}],"cursor":"c2"}"""),
            "/trade-api/v2/portfolio/orders" => LoopbackServer.Json(ctx, 200,
                """{"orders":[{"order_id":"o2","ticker":"T","status":"executed","fill_count_fp":"1.00","remaining_count_fp":"0.00"}],"cursor":""}"""),
            "/trade-api/v2/markets/T/orderbook" => LoopbackServer.Json(ctx, 200, """{"orderbook_fp":{"yes_dollars":[["1.2000","1.00"]],"no_dollars":[]}}"""),
            _ => LoopbackServer.Json(ctx, 200, "{not json"),
        });

        var all = await KalshiRestClient.CollectAllAsync(c => client.GetOrdersAsync(cursor: c));
        Assert.Equal(["o1", "o2"], all.Value.Select(o => o.OrderId));
        Assert.Equal(KalshiOrderStatus.Executed, all.Value[1].Status);

        var book = await client.GetOrderbookAsync("T", depth: 5);
        Assert.Equal(KalshiErrorKind.MalformedResponse, book.Error!.Kind);
        Assert.Contains("OutOfRange", book.Error.Message);
        Assert.Contains(_server!.Requests, r => r.Path.EndsWith("/orderbook") && r.QueryValue("depth") == "5");

        var garbage = await client.GetBalanceAsync();
        Assert.Equal(KalshiErrorKind.MalformedResponse, garbage.Error!.Kind);
    }
}
