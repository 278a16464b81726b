using KalshiArb.Exchange.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Exchange.Tests.Hosting;

/// <summary>The simulator's logs, at every level, name each request but never its credentials.</summary>
public sealed class RequestLogTests
{
    private const string OddsKey = "odds-key-5b1f0c9e27d4";

    [Fact]
    public async Task Logged_requests_carry_no_secret()
    {
        var capture = new CapturingLoggerProvider();
        var kalshi = new TestAccount("3f6c1d2a-8e4b-4c1d-9a7e-51b0c2d4e6f8");
        await using (var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Accounts = [kalshi.Registration],
            TickInterval = null,
            Sportsbooks = new() { ApiKey = OddsKey },
            LogProvider = capture,
            MinimumLogLevel = LogLevel.Trace,
        }))
        {
            using var http = new HttpClient();
            var odds = await http.GetAsync($"{sim.OddsApiBaseUrl}v4/sports/americanfootball_nfl/odds?regions=us&apiKey={OddsKey}&markets=h2h");
            Assert.Equal(200, (int)odds.StatusCode);
            var wrongKey = await http.GetAsync($"{sim.OddsApiBaseUrl}v4/sports?apiKey={OddsKey}x");
            Assert.Equal(401, (int)wrongKey.StatusCode);

            using var api = new SignedApi(sim, kalshi);
            string? signature = null;
            var balance = await api.Send(HttpMethod.Get, "/portfolio/balance", null,
                tamper: req => signature = req.Headers.GetValues("KALSHI-ACCESS-SIGNATURE").Single());
            Assert.Equal(200, balance.Status);
            await using (await StreamClient.Connect(sim, kalshi))
            {
            }

            var lines = capture.Lines;
            Assert.Contains(lines, l => l.Contains("/v4/sports/americanfootball_nfl/odds?regions=us&apiKey=***&markets=h2h -> 200", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("GET /trade-api/v2/portfolio/balance -> 200", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("KALSHI-ACCESS-SIGNATURE=***", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("KALSHI-ACCESS-TIMESTAMP=", StringComparison.Ordinal)); // not a secret: shown for clock-skew problems
            Assert.NotNull(signature);
            foreach (var secret in new[] { OddsKey, signature!, kalshi.KeyId })
                Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("?regions=us", "?regions=us")]
    [InlineData("?apiKey=abc&regions=us", "?apiKey=***&regions=us")]
    [InlineData("?APIKEY=abc&apikey=def", "?APIKEY=***&apikey=***")]
    [InlineData("?api%4Bey=abc", "?api%4Bey=***")]
    [InlineData("?token=t&signature=s&limit=5", "?token=***&signature=***&limit=5")]
    [InlineData("?apiKey&x=1", "?apiKey&x=1")]
    public void Secret_query_values_are_masked(string query, string expected) =>
        Assert.Equal(expected, SecretRedaction.Query(new QueryString(query.Length == 0 ? null : query)));
}
