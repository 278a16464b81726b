using Microsoft.Extensions.Logging;

namespace KalshiArb.Odds.Tests.Api;

public sealed class OddsApiClientTests : IAsyncLifetime
{
    private const string Key = "sekrit-key-123";
    private LoopbackOddsServer _server = null!;
    private readonly HttpClient _http = new();
    private readonly CapturingLogger<OddsApiClient> _log = new();

    public async Task InitializeAsync() => _server = await LoopbackOddsServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private OddsApiClient Client(int retries = 2, TimeSpan? timeout = null, string? key = Key, Func<string, string?>? env = null) =>
        new(_http, new OddsApiOptions
        {
            BaseUrl = _server.BaseUrl,
            ApiKey = key,
            Regions = "us,eu",
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
            MaxRetryAttempts = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        }, _log, environment: env ?? (_ => null));

    private void AssertKeyNeverLogged() => Assert.DoesNotContain(_log.Lines, l => l.Message.Contains(Key, StringComparison.Ordinal));

    [Fact]
    public async Task Parses_odds_and_tracks_quota_headers()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 200, OddsSamples.TwoEventsDecimal, remaining: 19_994, used: 6, last: 2);
        var client = Client();
        var r = await client.GetOddsAsync("americanfootball_nfl");

        Assert.True(r.IsOk);
        Assert.Equal(2, r.Events.Count);
        Assert.Equal("Philadelphia Eagles", r.Events[0].AwayTeam);
        Assert.Equal((19_994L, 6L, 2L), (r.Quota.Remaining!.Value, r.Quota.Used!.Value, r.Quota.LastCost!.Value));
        Assert.Equal(r.Quota, client.Quota);
        Assert.NotNull(client.Quota.ObservedAt);
        Assert.Equal(1, client.Counters.Succeeded);

        var req = Assert.Single(_server.Requests);
        Assert.StartsWith("/v4/sports/americanfootball_nfl/odds?", req);
        Assert.Contains($"apiKey={Key}", req);
        Assert.Contains("regions=us%2Ceu", req);
        Assert.Contains("markets=h2h", req);
        Assert.Contains("oddsFormat=decimal", req);
        AssertKeyNeverLogged();
    }

    [Fact]
    public async Task Query_options_reach_the_request()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 200, "[]");
        await Client().GetOddsAsync("basketball_nba", new OddsQuery
        {
            Bookmakers = ["pinnacle", "draftkings"],
            EventIds = ["e1"],
            CommenceTimeFrom = new DateTimeOffset(2026, 2, 7, 0, 0, 0, TimeSpan.Zero),
        });
        var req = Assert.Single(_server.Requests);
        Assert.Contains("bookmakers=pinnacle%2Cdraftkings", req);
        Assert.DoesNotContain("regions=", req);
        Assert.Contains("eventIds=e1", req);
        Assert.Contains("commenceTimeFrom=2026-02-07T00%3A00%3A00Z", req);
    }

    [Fact]
    public async Task Unauthorized_is_typed_not_retried_and_the_key_stays_out_of_logs()
    {
        // A server that echoes the key back must not get it into our logs either.
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 401,
            $"{{\"message\":\"API key {Key} is not valid\",\"error_code\":\"INVALID_KEY\"}}", remaining: 0, used: 500, last: 0);
        var client = Client();
        var r = await client.GetOddsAsync("basketball_nba");

        Assert.Equal(OddsApiErrorKind.Unauthorized, r.Error!.Kind);
        Assert.Equal(401, r.Error.HttpStatus);
        Assert.Contains("INVALID_KEY", r.Error.Reason);
        Assert.DoesNotContain(Key, r.Error.Reason);
        Assert.Single(_server.Requests);
        Assert.Equal(0, client.Quota.Remaining);
        Assert.Equal(1, client.Counters.Errors(OddsApiErrorKind.Unauthorized));
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Unauthorized", StringComparison.Ordinal));
        AssertKeyNeverLogged();
    }

    [Fact]
    public async Task Rate_limited_is_retried_then_reported()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 429, "{\"message\":\"slow down\",\"error_code\":\"EXCEEDED_FREQ_LIMIT\"}");
        var client = Client(retries: 2);
        var r = await client.GetOddsAsync("basketball_nba");
        Assert.Equal(OddsApiErrorKind.RateLimited, r.Error!.Kind);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(1, client.Counters.Errors(OddsApiErrorKind.RateLimited));
    }

    [Fact]
    public async Task Server_error_then_success_recovers_by_retry()
    {
        _server.Handler = (ctx, n) => n == 1
            ? LoopbackOddsServer.Json(ctx, 503, "upstream down")
            : LoopbackOddsServer.Json(ctx, 200, OddsSamples.TwoEventsDecimal, remaining: 100, used: 2, last: 2);
        var r = await Client().GetOddsAsync("basketball_nba");
        Assert.True(r.IsOk);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(100, r.Quota.Remaining);
    }

    [Fact]
    public async Task Persistent_server_error_is_typed_with_the_body_text()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 500, "boom");
        var r = await Client(retries: 1).GetOddsAsync("basketball_nba");
        Assert.Equal(new OddsApiError(OddsApiErrorKind.ServerError, 500, "HTTP 500: boom"), r.Error);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Other_client_errors_are_not_retried()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 422, "{\"message\":\"Unknown sport\",\"error_code\":\"UNKNOWN_SPORT\"}");
        var r = await Client().GetOddsAsync("curling_xyz");
        Assert.Equal(OddsApiErrorKind.ClientError, r.Error!.Kind);
        Assert.Equal("HTTP 422: UNKNOWN_SPORT: Unknown sport", r.Error.Reason);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("<html>oops</html>", MalformedReason.NotJson)]
    [InlineData("{\"data\":[]}", MalformedReason.NotAnArray)]
    public async Task Malformed_bodies_are_rejected_and_counted(string body, MalformedReason reason)
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 200, body, remaining: 10);
        var client = Client();
        var r = await client.GetOddsAsync("basketball_nba");
        Assert.Equal(OddsApiErrorKind.MalformedBody, r.Error!.Kind);
        Assert.Equal(reason.ToString(), r.Error.Reason);
        Assert.Equal(1, client.Counters.Malformed(reason));
        Assert.Equal(10, client.Quota.Remaining);
    }

    [Fact]
    public async Task Skipped_elements_are_counted_on_the_client()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 200, "[{\"id\":\"x\"}, 3]");
        var client = Client();
        var r = await client.GetOddsAsync("basketball_nba");
        Assert.True(r.IsOk);
        Assert.Empty(r.Events);
        Assert.Equal(1, client.Counters.Malformed(MalformedReason.EventMissingField));
        Assert.Equal(1, client.Counters.Malformed(MalformedReason.EventNotAnObject));
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_per_attempt()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Hang(ctx);
        var client = Client(retries: 1, timeout: TimeSpan.FromMilliseconds(300));
        var r = await client.GetOddsAsync("basketball_nba");
        Assert.Equal(OddsApiErrorKind.Timeout, r.Error!.Kind);
        // The client's own record: one retry after the first attempt timed out (the server may not
        // have seen the second attempt yet on a loaded machine, so its count is not the oracle).
        Assert.Single(_log.Lines, l => l.Message.StartsWith("Odds API retry 1 after TimeoutRejectedException", StringComparison.Ordinal));
        Assert.Equal(1, client.Counters.Errors(OddsApiErrorKind.Timeout));
    }

    [Fact]
    public async Task A_closed_port_is_a_network_error()
    {
        var port = _server.BaseUrl.Port;
        await _server.DisposeAsync();
        _server = await LoopbackOddsServer.StartAsync();
        var client = new OddsApiClient(_http, new OddsApiOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}"), ApiKey = Key, MaxRetryAttempts = 0,
        }, _log, environment: _ => null);
        var r = await client.GetOddsAsync("basketball_nba");
        Assert.Equal(OddsApiErrorKind.Network, r.Error!.Kind);
        AssertKeyNeverLogged();
    }

    [Fact]
    public async Task Missing_key_never_calls_the_api()
    {
        var client = Client(key: null);
        Assert.False(client.HasApiKey);
        var r = await client.GetOddsAsync("basketball_nba");
        Assert.Equal(OddsApiErrorKind.MissingApiKey, r.Error!.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Key_falls_back_to_the_environment()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Json(ctx, 200, "[]");
        var client = Client(key: null, env: name => name == "ODDS_API_KEY" ? "from-env" : null);
        Assert.True((await client.GetOddsAsync("basketball_nba")).IsOk);
        Assert.Contains("apiKey=from-env", Assert.Single(_server.Requests));
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("basketball_nba?x=1")]
    [InlineData("")]
    public async Task Bad_sport_keys_are_refused_locally(string sport)
    {
        var r = await Client().GetOddsAsync(sport);
        Assert.Equal(OddsApiErrorKind.InvalidRequest, r.Error!.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_propagates()
    {
        _server.Handler = (ctx, _) => LoopbackOddsServer.Hang(ctx);
        using var cts = new CancellationTokenSource();
        var call = Client().GetOddsAsync("basketball_nba", ct: cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public void Options_never_print_the_key()
    {
        var text = new OddsApiOptions { ApiKey = Key }.ToString();
        Assert.DoesNotContain(Key, text);
        Assert.Contains("***", text);
    }

    [Theory]
    [InlineData("us", 1)]
    [InlineData("us,eu", 2)]
    [InlineData("us, eu,uk", 3)]
    public void Cost_per_call_counts_regions(string regions, int cost) =>
        Assert.Equal(cost, new OddsApiOptions { Regions = regions }.CostPerCall);

    [Fact]
    public void Cost_per_call_counts_bookmakers_in_tens() =>
        Assert.Equal(2, new OddsApiOptions { Bookmakers = Enumerable.Range(0, 11).Select(i => $"b{i}").ToArray() }.CostPerCall);
}
