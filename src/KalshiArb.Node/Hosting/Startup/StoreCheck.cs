using KalshiArb.Actors.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KalshiArb.Node.Hosting.Startup;

/// <summary>The journal store's settings (KA_PERSISTENCE, KA_CONNECTION_STRING) and whether the store answers.</summary>
public static class StoreCheck
{
    public static StartupProblem? Settings(NodeSettings settings)
    {
        if (settings.Store == PersistenceStore.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(settings.ConnectionString))
                return new("KA_CONNECTION_STRING", "is not set, but KA_PERSISTENCE=postgres needs it (e.g. Host=127.0.0.1;Port=5432;Username=kalshiarb;Database=kalshiarb)");
            try
            {
                _ = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                return new("KA_CONNECTION_STRING", $"is not a PostgreSQL connection string: {ex.Message}");
            }
            return null;
        }
        if (settings.ConnectionString is { } cs)
        {
            try
            {
                _ = new SqliteConnectionStringBuilder(cs);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                return new("KA_CONNECTION_STRING", $"is not a SQLite connection string: {ex.Message}");
            }
        }
        return null;
    }

    /// <summary>Opens the store once (and upgrades an old journal's schema, as the node would).</summary>
    public static StartupProblem? Reachable(NodeSettings settings)
    {
        try
        {
            if (settings.Store == PersistenceStore.Sqlite) SqliteJournalFile.Prepare(settings.EffectiveConnectionString);
            else PostgresJournal.Prepare(settings.EffectiveConnectionString);
            return null;
        }
        catch (Exception ex) when (ex is SqliteException or NpgsqlException or IOException or UnauthorizedAccessException
                                       or InvalidOperationException or TimeoutException)
        {
            return settings.Store == PersistenceStore.Sqlite
                ? new($"SQLite journal in {settings.DataDirectory}", $"cannot be opened: {ex.Message}")
                : new($"PostgreSQL journal at {Where(settings.EffectiveConnectionString)}",
                    $"cannot be reached: {ex.Message}; is the server running and KA_CONNECTION_STRING right?");
        }
    }

    /// <summary>Host, port and database only: a connection string may carry a password, which is never printed.</summary>
    private static string Where(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}
