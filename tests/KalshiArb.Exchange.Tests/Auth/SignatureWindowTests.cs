using System.Globalization;
using System.Net.WebSockets;

namespace KalshiArb.Exchange.Tests.Auth;

/// <summary>
/// Kalshi accepts KALSHI-ACCESS-TIMESTAMP about ±5 s from its clock: the simulator's window is pinned at those edges with a
/// clock that does not move, so 4.9 s and 5.1 s are exact and no test depends on wall-clock timing.
/// </summary>
public sealed class SignatureWindowTests : IAsyncLifetime
{
    private static readonly long NowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(NowMs));
    private SimHarness _h = null!;

    public async Task InitializeAsync() => _h = await SimHarness.Start(configure: o => o with { Clock = _clock });
    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(-4_900)]
    [InlineData(4_900)]
    [InlineData(-5_000)]
    [InlineData(5_000)]
    public async Task Rest_timestamp_within_five_seconds_is_accepted(long skewMs)
    {
        var r = await _h.Alice.Send(HttpMethod.Get, "/portfolio/balance", null, timestampMs: NowMs + skewMs);
        Assert.Equal(200, r.Status);
    }

    [Theory]
    [InlineData(-5_100)]
    [InlineData(5_100)]
    [InlineData(-10_000)]
    public async Task Rest_timestamp_beyond_five_seconds_is_refused_as_expired(long skewMs)
    {
        var r = await _h.Alice.Send(HttpMethod.Get, "/portfolio/balance", null, timestampMs: NowMs + skewMs);
        Assert.Equal(401, r.Status);
        Assert.Equal("header_timestamp_expired", r.ErrorCode);
    }

    [Fact]
    public async Task WebSocket_handshake_uses_the_same_window()
    {
        await using (var ok = await StreamClient.Connect(_h.Sim, _h.Alice.Account, timestampMs: NowMs - 4_900))
            Assert.Equal(WebSocketState.Open, ok.State);
        await using (var ok = await StreamClient.Connect(_h.Sim, _h.Alice.Account, timestampMs: NowMs + 4_900))
            Assert.Equal(WebSocketState.Open, ok.State);
        await Assert.ThrowsAnyAsync<WebSocketException>(() => StreamClient.Connect(_h.Sim, _h.Alice.Account, timestampMs: NowMs - 5_100));
        await Assert.ThrowsAnyAsync<WebSocketException>(() => StreamClient.Connect(_h.Sim, _h.Alice.Account, timestampMs: NowMs + 5_100));
    }

    [Fact]
    public async Task Refused_WebSocket_handshake_answers_kalshis_error_body()
    {
        // a plain GET on the WS path shows the body a WebSocket client never gets to read
        var ts = (NowMs + 5_100).ToString(CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        using var req = new HttpRequestMessage(HttpMethod.Get, new UriBuilder("http", "127.0.0.1", _h.Sim.Port, _h.Sim.WsUrl.AbsolutePath).Uri);
        req.Headers.Add("KALSHI-ACCESS-KEY", _h.Alice.Account.KeyId);
        req.Headers.Add("KALSHI-ACCESS-TIMESTAMP", ts);
        req.Headers.Add("KALSHI-ACCESS-SIGNATURE", _h.Alice.Account.Sign(ts, "GET", _h.Sim.WsUrl.AbsolutePath));
        using var resp = await http.SendAsync(req);
        Assert.Equal(401, (int)resp.StatusCode);
        using var body = JsonDocument.Parse(await resp.Content.ReadAsStringAsync());
        Assert.Equal("header_timestamp_expired", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
