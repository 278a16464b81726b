using Npgsql;

namespace KalshiArb.Node.Tests.Cluster;

/// <summary>
/// A fresh database on the PostgreSQL that `.ci/test` starts (KA_PG_CONNECTION): every node of a cluster shares
/// one journal. Without the variable the specs fail with a clear message rather than pass unseen.
/// </summary>
public sealed class NodePostgres : IDisposable
{
    private readonly string _server;

    public NodePostgres()
    {
        _server = Environment.GetEnvironmentVariable("KA_PG_CONNECTION")
                  ?? throw new InvalidOperationException("KA_PG_CONNECTION is not set: run the tests through `bash .ci/test`, which starts PostgreSQL on loopback");
        Name = "ka_cluster_" + Guid.NewGuid().ToString("N")[..12];
        using var conn = new NpgsqlConnection(_server);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE {Name}";
        cmd.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name, MaxPoolSize = 25 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(_server);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }
}
