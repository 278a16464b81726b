using Npgsql;
using NpgsqlTypes;

namespace KalshiArb.Benchmarks;

/// <summary>
/// The floor under any journal write on PostgreSQL: one small row inserted and committed in its own transaction (as
/// the journal plugin writes a batch), one connection, no contention, on a scratch table in the run's database.
/// </summary>
public static class PostgresCommitProbe
{
    /// <returns>The latencies, and the server settings that decide a commit's cost.</returns>
    public static (LatencySummary Summary, string Settings) Run(string connectionString, int commits)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        string Show(string setting)
        {
            using var show = conn.CreateCommand();
            show.CommandText = "SHOW " + setting;
            return Convert.ToString(show.ExecuteScalar()) ?? "?";
        }
        var settings = $"server {conn.PostgreSqlVersion}, synchronous_commit={Show("synchronous_commit")}, fsync={Show("fsync")}";
        using (var create = conn.CreateCommand())
        {
            create.CommandText = "CREATE TABLE bench_commit_probe (id BIGSERIAL PRIMARY KEY, payload BYTEA NOT NULL)";
            create.ExecuteNonQuery();
        }
        var ticks = new List<long>(commits);
        var payload = new byte[200];
        for (var i = 0; i < commits; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            using (var tx = conn.BeginTransaction())
            {
                using var insert = conn.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO bench_commit_probe (payload) VALUES (@p)";
                insert.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Bytea) { Value = payload });
                insert.ExecuteNonQuery();
                tx.Commit();
            }
            ticks.Add(Stopwatch.GetTimestamp() - t0);
        }
        using (var drop = conn.CreateCommand())
        {
            drop.CommandText = "DROP TABLE bench_commit_probe";
            drop.ExecuteNonQuery();
        }
        return (LatencySummary.From(ticks), settings);
    }
}
