using Npgsql;

namespace KalshiArb.Actors.Persistence;

/// <summary>Prepares an existing PostgreSQL journal before the plugin writes to it.</summary>
public static class PostgresJournal
{
    /// <summary>
    /// Journals written with tags in a tag table (before tags moved into the event row) have no tags column: add it,
    /// so an existing database keeps working. A database without the journal yet is left to the plugin to create.
    /// </summary>
    public static void Prepare(string connectionString)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "ALTER TABLE IF EXISTS public.event_journal ADD COLUMN IF NOT EXISTS tags VARCHAR(100) NULL";
        cmd.ExecuteNonQuery();
    }
}
