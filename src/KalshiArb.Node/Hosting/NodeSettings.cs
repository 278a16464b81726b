using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Persistence;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// What changes per deployment. Defaults give the embedded demo (simulator, SQLite under ./data);
/// environment variables (KA_*) override them, command-line options override those.
/// </summary>
public sealed record NodeSettings
{
    public TradingMode Mode { get; init; } = TradingMode.Sim;

    /// <summary>Which Kalshi exchange live mode trades on (`--env`); only live mode reaches Kalshi at all.</summary>
    public KalshiEnvironment Exchange { get; init; } = KalshiEnvironment.Prod;
    public string DataDirectory { get; init; } = "data";
    /// <summary>KA_LOG_DIR; null: <see cref="EffectiveLogDirectory"/> is the logs folder inside the data directory.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>Where the node's log file rolls daily (Akka's own lines go only here).</summary>
    public string EffectiveLogDirectory => LogDirectory ?? Path.Combine(DataDirectory, "logs");
    public PersistenceStore Store { get; init; } = PersistenceStore.Sqlite;
    public string? ConnectionString { get; init; }
    public string? ConfigOverlayPath { get; init; }
    public TimeSpan? Duration { get; init; }

    /// <summary>Record every market-data frame, odds answer and the discovered catalog into this directory (<c>run --record</c>); null: no recording.</summary>
    public string? RecordDirectory { get; init; }

    public string SystemName { get; init; } = "kalshiarb";

    /// <summary>The cluster roles this node carries (KA_ROLES); all three by default.</summary>
    public IReadOnlyList<string> Roles { get; init; } = ClusterRoles.All;

    /// <summary>The address other nodes reach this node at (KA_HOSTNAME).</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>Akka remoting port (KA_PORT); 0 = any free port, fine for a node that forms a cluster alone.</summary>
    public int Port { get; init; }

    /// <summary>akka.tcp://kalshiarb@host:port addresses (KA_SEED_NODES); empty = this node forms a cluster alone.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public string EffectiveConnectionString =>
        ConnectionString ?? (Store == PersistenceStore.Sqlite
            ? $"Data Source={Path.Combine(DataDirectory, "kalshiarb.db")}"
            : throw new InvalidOperationException("PostgreSQL persistence needs KA_CONNECTION_STRING"));

    public static NodeSettings FromEnvironment(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var s = new NodeSettings();
        if (env("KA_DATA_DIR") is { Length: > 0 } data) s = s with { DataDirectory = data };
        if (env("KA_LOG_DIR") is { Length: > 0 } logs) s = s with { LogDirectory = logs };
        if (env("KA_PERSISTENCE") is { Length: > 0 } store)
            s = s with { Store = ParseStore(store) };
        if (env("KA_CONNECTION_STRING") is { Length: > 0 } cs) s = s with { ConnectionString = cs };
        if (env("KA_ROLES") is { Length: > 0 } roles) s = s with { Roles = ParseRoles(roles) };
        if (env("KA_HOSTNAME") is { Length: > 0 } host) s = s with { Hostname = host };
        if (env("KA_PORT") is { Length: > 0 } port)
        {
            s = s with
            {
                Port = int.TryParse(port, out var p) && p is >= 0 and <= 65535 ? p : throw new ArgumentException($"KA_PORT must be 0..65535, got '{port}'"),
            };
        }
        if (env("KA_SEED_NODES") is { Length: > 0 } seeds) s = s with { SeedNodes = ParseSeeds(seeds) };
        return s;
    }

    public static IReadOnlyList<string> ParseRoles(string text)
    {
        var roles = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant()).Distinct().ToArray();
        if (roles.Length == 0) throw new ArgumentException("KA_ROLES names no role (market, execution, risk)");
        foreach (var r in roles)
            if (!ClusterRoles.IsKnown(r)) throw new ArgumentException($"unknown role '{r}' in KA_ROLES (market, execution, risk)");
        return roles;
    }

    public static IReadOnlyList<string> ParseSeeds(string text)
    {
        var seeds = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var seed in seeds)
        {
            if (!Uri.TryCreate(seed, UriKind.Absolute, out var uri) || uri.Scheme != "akka.tcp" || uri.Port <= 0)
                throw new ArgumentException($"seed node '{seed}' is not an address like akka.tcp://kalshiarb@127.0.0.1:4053");
        }
        return seeds;
    }

    public static PersistenceStore ParseStore(string text) => text.ToLowerInvariant() switch
    {
        "sqlite" => PersistenceStore.Sqlite,
        "postgres" or "postgresql" => PersistenceStore.PostgreSql,
        _ => throw new ArgumentException($"unknown persistence store '{text}' (sqlite|postgres)"),
    };

    /// <summary>Safe to log: never contains credentials (connection strings may carry passwords).</summary>
    public override string ToString() =>
        $"mode={Mode}{(Exchange == KalshiEnvironment.Demo ? " (Kalshi demo exchange)" : "")} store={Store} data={DataDirectory} roles={string.Join(',', Roles)} address={Hostname}:{Port} " +
        $"seeds={(SeedNodes.Count == 0 ? "none (forms a cluster alone)" : string.Join(',', SeedNodes))} duration={(Duration?.ToString() ?? "until stopped")}" +
        (RecordDirectory is null ? "" : $" record={RecordDirectory}");
}
