using KalshiArb.Node.Soak;

namespace KalshiArb.Node.Tests.Soak;

public sealed class SimulatorEndpointsSpec
{
    // What ExchangeCommand prints once it listens, with a log line in between.
    private static readonly string[] Banner =
    [
        "simulator REST  http://127.0.0.1:40001/trade-api/v2",
        "[08:00:00 INF] market ticks started",
        "simulator WS    ws://127.0.0.1:40001/trade-api/ws/v2",
        "odds API        http://127.0.0.1:40001/ (key sim-odds-key)",
        "admin           http://127.0.0.1:40001/admin (loopback callers only)",
        "listening on    127.0.0.1:40001",
        "account         KALSHI_API_KEY_ID=sim-account KALSHI_PRIVATE_KEY_PATH=/tmp/x/sim-keys/sim-account.pem",
    ];

    [Fact]
    public void The_banner_names_every_endpoint_and_the_account_key()
    {
        var seen = new Dictionary<string, string>();
        SimulatorEndpoints? endpoints = null;
        foreach (var line in Banner)
        {
            Assert.Null(endpoints);
            endpoints = SimulatorEndpoints.Accept(line, seen);
        }
        Assert.NotNull(endpoints);
        Assert.Equal(new Uri("http://127.0.0.1:40001/trade-api/v2"), endpoints.Rest);
        Assert.Equal(new Uri("ws://127.0.0.1:40001/trade-api/ws/v2"), endpoints.WebSocket);
        Assert.Equal(new Uri("http://127.0.0.1:40001/"), endpoints.OddsApi);
        Assert.Equal(new Uri("http://127.0.0.1:40001/admin"), endpoints.Admin);
        Assert.Equal("sim-account", endpoints.KeyId);
        Assert.Equal("/tmp/x/sim-keys/sim-account.pem", endpoints.PrivateKeyPath);

        var env = endpoints.NodeEnvironment();
        Assert.Equal("http://127.0.0.1:40001/trade-api/v2", env["KALSHI_REST_URL"]);
        Assert.Equal("sim-account", env["KALSHI_API_KEY_ID"]);
        Assert.Equal("sim-odds-key", env["ODDS_API_KEY"]);
    }

    [Fact]
    public void Without_the_account_line_there_are_no_endpoints_yet()
    {
        var seen = new Dictionary<string, string>();
        Assert.All(Banner.Take(6), line => Assert.Null(SimulatorEndpoints.Accept(line, seen)));
    }
}
