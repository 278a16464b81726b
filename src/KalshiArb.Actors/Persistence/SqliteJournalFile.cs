using Microsoft.Data.Sqlite;

namespace KalshiArb.Actors.Persistence;

/// <summary>Prepares the SQLite journal file before the journal plugin opens it.</summary>
public static class SqliteJournalFile
{
    /// <summary>
    /// Creates the file's folder and switches the file to WAL (persistent per file; about 1.6x faster
    /// journal writes, and readers no longer block the writer). Returns the journal mode in force.
    /// </summary>
    public static string Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL;";
        return Convert.ToString(cmd.ExecuteScalar()) ?? "";
    }
}
