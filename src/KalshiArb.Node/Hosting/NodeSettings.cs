using KalshiArb.Actors.Persistence;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// What changes per deployment. Defaults give the embedded demo (simulator, SQLite under ./data);
/// environment variables (KA_*) override them, command-line options override those.
/// </summary>
public sealed record NodeSettings
{
    public TradingMode Mode { get; init; } = TradingMode.Sim;
    public string DataDirectory { get; init; } = "data";
    public string LogDirectory { get; init; } = "logs";
    public PersistenceStore Store { get; init; } = PersistenceStore.Sqlite;
    public string? ConnectionString { get; init; }
    public string? ConfigOverlayPath { get; init; }
    public TimeSpan? Duration { get; init; }
    public string SystemName { get; init; } = "kalshiarb";

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
        return s;
    }

    public static PersistenceStore ParseStore(string text) => text.ToLowerInvariant() switch
    {
        "sqlite" => PersistenceStore.Sqlite,
        "postgres" or "postgresql" => PersistenceStore.PostgreSql,
        _ => throw new ArgumentException($"unknown persistence store '{text}' (sqlite|postgres)"),
    };

    /// <summary>Safe to log: never contains credentials (connection strings may carry passwords).</summary>
    public override string ToString() =>
        $"mode={Mode} store={Store} data={DataDirectory} duration={(Duration?.ToString() ?? "until stopped")}";
}
