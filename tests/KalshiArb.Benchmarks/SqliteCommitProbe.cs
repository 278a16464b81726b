using KalshiArb.Actors.Persistence;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Benchmarks;

/// <summary>
/// The floor under any journal write here: one small INSERT committed on its own (WAL, the library's default
/// synchronous mode) on a scratch file beside the journal, one connection, no contention.
/// </summary>
public static class SqliteCommitProbe
{
    public static LatencySummary Run(string directory, int commits)
    {
        var cs = $"Data Source={Path.Combine(directory, "probe.db")}";
        SqliteJournalFile.Prepare(cs);
        using var conn = new SqliteConnection(cs);
        conn.Open();
        using (var create = conn.CreateCommand())
        {
            create.CommandText = "CREATE TABLE probe (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);";
            create.ExecuteNonQuery();
        }
        using var insert = conn.CreateCommand();
        insert.CommandText = "INSERT INTO probe (payload) VALUES ($p);";
        var p = insert.Parameters.Add("$p", SqliteType.Blob);
        p.Value = new byte[200];
        var ticks = new List<long>(commits);
        for (var i = 0; i < commits; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            insert.ExecuteNonQuery(); // autocommit: one transaction, one WAL append (+ sync) per row
            ticks.Add(Stopwatch.GetTimestamp() - t0);
        }
        return LatencySummary.From(ticks);
    }
}
