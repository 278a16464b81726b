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
            if (settings.Store == PersistenceStore.Sqlite) ReadSqlite(settings.EffectiveConnectionString);
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

    /// <summary>
    /// An existing journal file must be a SQLite database we can read; a missing one is created by the node later (a
    /// refused start leaves nothing behind), and the folder check already proved it can be.
    /// </summary>
    private static void ReadSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || !File.Exists(builder.DataSource)) return;
        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = false;
        using var conn = new SqliteConnection(builder.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA schema_version";
        cmd.ExecuteScalar();
    }

    /// <summary>Host, port and database only: a connection string may carry a password, which is never printed.</summary>
    private static string Where(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}
