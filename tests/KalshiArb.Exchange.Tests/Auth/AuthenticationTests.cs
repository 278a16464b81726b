using System.Net.WebSockets;
using System.Security.Cryptography;

namespace KalshiArb.Exchange.Tests.Auth;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private SimHarness _h = null!;

    public async Task InitializeAsync() => _h = await SimHarness.Start();
    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Good_signature_is_accepted()
    {
        var r = await _h.Alice.Get("/portfolio/balance");
        Assert.Equal(200, r.Status);
        Assert.Equal("1000.0000", r.Str("balance_dollars"));
        Assert.Equal(100_000, r.Body.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task Signature_by_another_key_is_rejected()
    {
        var impostor = new TestAccount("alice", keyName: "impostor"); // same key id, different private key
        using var api = new SignedApi(_h.Sim, impostor);
        var r = await api.Get("/portfolio/balance");
        Assert.Equal(401, r.Status);
        Assert.Equal("authentication_error", r.ErrorCode);
        Assert.Equal("INCORRECT_API_KEY_SIGNATURE", r.Body.GetProperty("error").GetProperty("details").GetString());
    }

    [Fact]
    public async Task Signature_over_path_and_query_is_rejected()
    {
        var r = await _h.Alice.Send(HttpMethod.Get, "/markets?limit=5", null, signQuery: true);
        Assert.Equal(401, r.Status);
        Assert.Equal("INCORRECT_API_KEY_SIGNATURE", r.Body.GetProperty("error").GetProperty("details").GetString());

        var ok = await _h.Alice.Send(HttpMethod.Get, "/markets?limit=5", null);
        Assert.Equal(200, ok.Status);
    }

    [Fact]
    public async Task Tampered_method_is_rejected()
    {
        // signed as GET, sent as DELETE
        var r = await _h.Alice.Send(HttpMethod.Delete, "/portfolio/events/orders/x", null, tamper: req =>
        {
            var ts = req.Headers.GetValues("KALSHI-ACCESS-TIMESTAMP").Single();
            req.Headers.Remove("KALSHI-ACCESS-SIGNATURE");
            req.Headers.Add("KALSHI-ACCESS-SIGNATURE", _h.Alice.Account.Sign(ts, "GET", "/trade-api/v2/portfolio/events/orders/x"));
        });
        Assert.Equal(401, r.Status);
    }

    [Fact]
    public async Task Stale_timestamp_is_rejected_and_small_skew_accepted()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var stale = await _h.Alice.Send(HttpMethod.Get, "/portfolio/balance", null, timestampMs: now - 30_000);
        Assert.Equal(401, stale.Status);
        Assert.Equal("header_timestamp_expired", stale.ErrorCode);

        var future = await _h.Alice.Send(HttpMethod.Get, "/portfolio/balance", null, timestampMs: now + 30_000);
        Assert.Equal(401, future.Status);

        var skewed = await _h.Alice.Send(HttpMethod.Get, "/portfolio/balance", null, timestampMs: now - 4_000);
        Assert.Equal(200, skewed.Status);
    }

    [Theory]
    [InlineData("KALSHI-ACCESS-KEY")]
    [InlineData("KALSHI-ACCESS-TIMESTAMP")]
    [InlineData("KALSHI-ACCESS-SIGNATURE")]
    public async Task Missing_header_is_rejected(string header)
    {
        var r = await _h.Alice.Send(HttpMethod.Get, "/portfolio/balance", null, tamper: req => req.Headers.Remove(header));
        Assert.Equal(401, r.Status);
        Assert.Equal("signature_is_missing_from_headers", r.ErrorCode);
    }

    [Fact]
    public async Task Unknown_key_id_is_rejected()
    {
        var stranger = new TestAccount("mallory");
        using var api = new SignedApi(_h.Sim, stranger);
        var r = await api.Get("/markets");
        Assert.Equal(401, r.Status);
        Assert.Equal("authentication_error", r.ErrorCode);
    }

    [Fact]
    public async Task WebSocket_handshake_must_be_signed()
    {
        await Assert.ThrowsAnyAsync<WebSocketException>(() => StreamClient.Connect(_h.Sim, _h.Alice.Account, sign: false));
        await Assert.ThrowsAnyAsync<WebSocketException>(() =>
            StreamClient.Connect(_h.Sim, _h.Alice.Account, timestampMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 30_000));
        await using var ok = await StreamClient.Connect(_h.Sim, _h.Alice.Account);
        Assert.Equal(WebSocketState.Open, ok.State);
    }

    [Fact]
    public async Task Pkcs1_public_key_is_accepted()
    {
        using var rsa = RSA.Create(2048);
        var account = new SimAccount("pkcs1", rsa.ExportRSAPublicKeyPem(), Money.FromDollars(1));
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { Accounts = [account], TickInterval = null });
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = sim.RestBaseUrl.AbsolutePath + "/portfolio/balance";
        using var http = new HttpClient();
        using var req = new HttpRequestMessage(HttpMethod.Get, sim.RestBaseUrl + "/portfolio/balance");
        req.Headers.Add("KALSHI-ACCESS-KEY", "pkcs1");
        req.Headers.Add("KALSHI-ACCESS-TIMESTAMP", ts);
        req.Headers.Add("KALSHI-ACCESS-SIGNATURE", Convert.ToBase64String(rsa.SignData(
            System.Text.Encoding.UTF8.GetBytes(ts + "GET" + path), HashAlgorithmName.SHA256, RSASignaturePadding.Pss)));
        using var resp = await http.SendAsync(req);
        Assert.Equal(200, (int)resp.StatusCode);
    }
}
