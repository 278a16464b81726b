using KalshiArb.Node.Live;

namespace KalshiArb.Node.Tests.Live;

/// <summary>`--env demo`: which Kalshi URLs live mode would use, and the refusals. Nothing here reaches the network.</summary>
public sealed class DemoEnvironmentSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-demo-env-").FullName;
    private readonly string _keyPath;

    public DemoEnvironmentSpec() => _keyPath = PrivateKeyFile.Write(_dir, "demo.pem");

    private Dictionary<string, string?> Env() => new()
    {
        [LiveCredentials.KeyIdVariable] = "demo-key-id-0123456789",
        [LiveCredentials.KeyPathVariable] = _keyPath,
        [LiveCredentials.OddsApiKeyVariable] = "odds-secret-0123456789",
    };

    private static LiveCredentialsResult Load(Dictionary<string, string?> env, KalshiEnvironment exchange) =>
        LiveCredentials.Load(name => env.GetValueOrDefault(name), exchange);

    [Fact]
    public void Demo_uses_the_demo_exchange_rest_and_websocket_urls()
    {
        var result = Load(Env(), KalshiEnvironment.Demo);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new Uri("https://external-api.demo.kalshi.co/trade-api/v2"), result.Credentials!.RestUrl);
        Assert.Equal(new Uri("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2"), result.Credentials.WsUrl);
        Assert.Contains("external-api.demo.kalshi.co", result.Credentials.TradingTarget);
    }

    [Fact]
    public void Prod_stays_the_default_exchange()
    {
        var result = Load(Env(), KalshiEnvironment.Prod);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new Uri("https://external-api.kalshi.com/trade-api/v2"), result.Credentials!.RestUrl);
        Assert.Equal(new Uri("wss://external-api-ws.kalshi.com/trade-api/ws/v2"), result.Credentials.WsUrl);
    }

    [Theory]
    [InlineData(LiveCredentials.RestUrlVariable, "https://external-api.kalshi.com/trade-api/v2")]
    [InlineData(LiveCredentials.RestUrlVariable, "https://api.elections.kalshi.com/trade-api/v2")]
    [InlineData(LiveCredentials.WsUrlVariable, "wss://external-api-ws.kalshi.com/trade-api/ws/v2")]
    public void Demo_refuses_a_production_host_named_in_the_environment(string variable, string url)
    {
        var env = Env();
        env[variable] = url;

        var result = Load(env, KalshiEnvironment.Demo);

        Assert.False(result.IsSuccess);
        Assert.Equal(LiveCredentialsFailure.WrongEnvironment, result.Failure);
        Assert.Contains(variable, result.Detail);
        Assert.Contains("--env demo", result.Detail);
    }

    [Theory]
    [InlineData("https://demo-api.kalshi.co/trade-api/v2")]
    [InlineData("http://127.0.0.1:5005/trade-api/v2")]
    public void Demo_accepts_the_other_demo_host_and_loopback(string url)
    {
        var env = Env();
        env[LiveCredentials.RestUrlVariable] = url;

        var result = Load(env, KalshiEnvironment.Demo);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new Uri(url), result.Credentials!.RestUrl);
    }

    [Theory]
    [InlineData(TradingMode.Sim)]
    [InlineData(TradingMode.Paper)]
    public async Task Env_demo_outside_live_mode_is_refused_before_anything_starts(TradingMode mode)
    {
        var settings = new NodeSettings
        {
            Mode = mode,
            Exchange = KalshiEnvironment.Demo,
            DataDirectory = Path.Combine(_dir, "data"),
            Duration = TimeSpan.FromMilliseconds(300),
        };

        var rc = await RunCommand.RunAsync(settings, CancellationToken.None, adminPort: 0, env: _ => null);

        Assert.Equal(2, rc);
        Assert.False(File.Exists(Path.Combine(_dir, "data", "kalshiarb.db")));
    }

    [Fact]
    public async Task Live_demo_with_a_production_url_is_refused_with_the_credentials_code()
    {
        var env = Env();
        env[LiveCredentials.RestUrlVariable] = "https://external-api.kalshi.com/trade-api/v2";
        var settings = new NodeSettings
        {
            Mode = TradingMode.Live,
            Exchange = KalshiEnvironment.Demo,
            DataDirectory = Path.Combine(_dir, "data"),
            Duration = TimeSpan.FromMilliseconds(300),
        };

        var rc = await RunCommand.RunAsync(settings, CancellationToken.None, adminPort: 0, env: name => env.GetValueOrDefault(name),
            confirmLive: LiveConfirmation.FlagPhrase);

        Assert.Equal((int)LiveStartRefusal.Credentials, rc);
        Assert.False(File.Exists(Path.Combine(_dir, "data", "kalshiarb.db")));
    }

    [Fact]
    public void The_command_line_reads_env_demo_and_refuses_an_unknown_environment()
    {
        var ok = CommandLineApp.Build().Parse(["run", "--mode", "live", "--env", "demo"]);
        Assert.Empty(ok.Errors);

        var bad = CommandLineApp.Build().Parse(["run", "--env", "staging"]);
        Assert.NotEmpty(bad.Errors);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
