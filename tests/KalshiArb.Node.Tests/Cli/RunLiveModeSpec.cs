using KalshiArb.Node.Live;
using KalshiArb.Node.Tests.Live;

namespace KalshiArb.Node.Tests.Cli;

/// <summary>`run --mode live` refuses before anything starts; every case here stops short of the network.</summary>
public sealed class RunLiveModeSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-run-live-").FullName;
    private readonly string _keyPath;

    public RunLiveModeSpec() => _keyPath = PrivateKeyFile.Write(_dir, "kalshi.pem");

    private string DataDirectory => Path.Combine(_dir, "data");

    private NodeSettings Settings(TradingMode mode) => new()
    {
        Mode = mode,
        DataDirectory = DataDirectory,
        LogDirectory = Path.Combine(_dir, "logs"),
        Duration = TimeSpan.FromMilliseconds(300),
    };

    private Dictionary<string, string?> Credentials() => new()
    {
        [LiveCredentials.KeyIdVariable] = "a1b2c3d4-key-id-9f8e7d6c",
        [LiveCredentials.KeyPathVariable] = _keyPath,
        [LiveCredentials.OddsApiKeyVariable] = "odds-secret-0123456789",
    };

    private static Task<int> Run(NodeSettings settings, Dictionary<string, string?> env, string? confirmLive = null) =>
        RunCommand.RunAsync(settings, CancellationToken.None, adminPort: 0, env: name => env.GetValueOrDefault(name), confirmLive: confirmLive);

    private bool JournalCreated => File.Exists(Path.Combine(DataDirectory, "kalshiarb.db"));

    [Fact]
    public async Task Live_without_a_key_id_is_refused_with_2()
    {
        var env = Credentials();
        env.Remove(LiveCredentials.KeyIdVariable);

        Assert.Equal(2, await Run(Settings(TradingMode.Live), env));
        Assert.False(JournalCreated);
    }

    [Fact]
    public async Task Live_with_credentials_but_no_confirmation_is_refused_with_5()
    {
        // Without --confirm-live an interactive stdin would be prompted; the test host's stdin is redirected.
        Assert.True(Console.IsInputRedirected, "this test needs a non-interactive stdin");

        Assert.Equal(5, await Run(Settings(TradingMode.Live), Credentials()));
        Assert.False(JournalCreated);
    }

    [Fact]
    public async Task Live_with_a_wrong_confirmation_phrase_is_refused_with_5()
    {
        var rc = await Run(Settings(TradingMode.Live), Credentials(), confirmLive: LiveConfirmation.FlagPhrase.ToLowerInvariant());

        Assert.Equal(5, rc);
        Assert.False(JournalCreated);
    }

    [Fact]
    public async Task Confirm_live_with_sim_mode_is_refused_with_2()
    {
        var rc = await Run(Settings(TradingMode.Sim), Credentials(), confirmLive: LiveConfirmation.FlagPhrase);

        Assert.Equal(2, rc);
        Assert.False(JournalCreated);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
