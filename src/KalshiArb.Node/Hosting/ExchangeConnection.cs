using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Kalshi.Auth;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// Where the node's Kalshi (REST + WebSocket) and The Odds API are: the embedded simulator (the default), a
/// separately started simulator (every node of a cluster must see the same exchange), or real Kalshi.
/// </summary>
public sealed class ExchangeConnection : IAsyncDisposable
{
    public const string SimulatorOddsApiKey = "sim-odds-key";
    public const string LiveVenueName = "kalshi-live";

    public required string VenueName { get; init; }
    public required Uri RestBaseUrl { get; init; }
    public required Uri WebSocketUrl { get; init; }
    public required Uri OddsBaseUrl { get; init; }
    public required string OddsApiKey { get; init; }
    public required KalshiSigner Signer { get; init; }

    /// <summary>The in-process simulator, when this node runs one.</summary>
    public ExchangeSimulator? Simulator { get; init; }

    public bool IsLive => VenueName == LiveVenueName;

    /// <summary>Starts the simulator on a free loopback port with the demo account's key under the data directory.</summary>
    public static async Task<ExchangeConnection> EmbeddedAsync(NodeSettings settings, TradingConfig config, CancellationToken ct)
    {
        var key = SimulatorAccountKey.LoadOrCreate(Path.Combine(settings.DataDirectory, "sim-keys"));
        var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Seed = config.SimulatorSeed,
            TickInterval = config.SimulatorTick,
            DriftPerTick = config.SimulatorDriftPerTick,
            Accounts = [new SimAccount(key.KeyId, key.PublicKeyPem, config.SimulatorBalance)],
        }, ct);
        try
        {
            return new ExchangeConnection
            {
                VenueName = "kalshi-sim",
                RestBaseUrl = simulator.RestBaseUrl,
                WebSocketUrl = simulator.WsUrl,
                OddsBaseUrl = simulator.OddsApiBaseUrl,
                OddsApiKey = SimulatorOddsApiKey,
                Signer = KalshiSigner.FromPem(key.KeyId, await File.ReadAllTextAsync(key.PrivateKeyPath, ct)),
                Simulator = simulator,
            };
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A simulator started on its own (`kalshiarb exchange`), named by KALSHI_REST_URL, KALSHI_WS_URL,
    /// KALSHI_API_KEY_ID, KALSHI_PRIVATE_KEY_PATH, ODDS_API_URL and ODDS_API_KEY (default the simulator's key).
    /// </summary>
    public static async Task<ExchangeConnection> ExternalSimulatorAsync(Func<string, string?> env, CancellationToken ct)
    {
        var rest = RequiredUri(env, "KALSHI_REST_URL");
        var ws = RequiredUri(env, "KALSHI_WS_URL");
        var odds = RequiredUri(env, "ODDS_API_URL");
        var keyId = env("KALSHI_API_KEY_ID") is { Length: > 0 } id ? id : throw new ArgumentException("KALSHI_API_KEY_ID is not set");
        var keyPath = env("KALSHI_PRIVATE_KEY_PATH") is { Length: > 0 } p ? p : throw new ArgumentException("KALSHI_PRIVATE_KEY_PATH is not set");
        if (!File.Exists(keyPath)) throw new ArgumentException($"KALSHI_PRIVATE_KEY_PATH names no file: {keyPath}");
        return new ExchangeConnection
        {
            VenueName = "kalshi-sim",
            RestBaseUrl = rest,
            WebSocketUrl = ws,
            OddsBaseUrl = odds,
            OddsApiKey = env("ODDS_API_KEY") is { Length: > 0 } k ? k : SimulatorOddsApiKey,
            Signer = KalshiSigner.FromPem(keyId, await File.ReadAllTextAsync(keyPath, ct)),
        };
    }

    /// <summary>True when the environment names an external exchange (KALSHI_REST_URL).</summary>
    public static bool IsExternalConfigured(Func<string, string?> env) => env("KALSHI_REST_URL") is { Length: > 0 };

    private static Uri RequiredUri(Func<string, string?> env, string name) =>
        env(name) is { Length: > 0 } text
            ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"{name} is not an absolute URL: {text}")
            : throw new ArgumentException($"{name} is not set (an external exchange needs KALSHI_REST_URL, KALSHI_WS_URL, ODDS_API_URL and the account's key)");

    public override string ToString() => $"{VenueName} at {RestBaseUrl}";

    public async ValueTask DisposeAsync()
    {
        if (Simulator is not null) await Simulator.DisposeAsync();
    }
}
