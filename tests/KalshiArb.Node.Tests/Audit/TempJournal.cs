using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Tests.Audit;

/// <summary>A throwaway data directory holding kalshiarb.db (the node's SQLite file name), deleted afterwards.</summary>
public sealed class TempJournal : IDisposable
{
    public TempJournal()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kalshiarb-audit-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "kalshiarb.db");
    }

    public string Directory { get; }
    public string FilePath { get; }
    public string ConnectionString => $"Data Source={FilePath}";

    /// <summary>Runs one statement against the journal file (how the tests corrupt it).</summary>
    public int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var conn = new SqliteConnection(ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var conn = new SqliteConnection(ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a finishing plugin only leaves a temp folder behind
        }
    }
}
