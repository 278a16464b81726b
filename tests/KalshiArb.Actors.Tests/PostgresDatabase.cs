using Npgsql;

namespace KalshiArb.Actors.Tests;

/// <summary>
/// A fresh database per test class on the PostgreSQL that `.ci/test` starts (KA_PG_CONNECTION). Without that
/// variable these tests fail with a clear message rather than pass unseen: the cluster deployment depends on it.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    public const string EnvironmentVariable = "KA_PG_CONNECTION";

    private readonly string _server;

    public PostgresDatabase()
    {
        _server = Environment.GetEnvironmentVariable(EnvironmentVariable)
                  ?? throw new InvalidOperationException(
                      $"{EnvironmentVariable} is not set: run the tests through `bash .ci/test`, which starts PostgreSQL on loopback");
        Name = "ka_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(_server))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {Name}";
            cmd.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public Config AkkaConfig(string? extraHocon = null) =>
        ConfigurationFactory.ParseString(extraHocon ?? "")
            .WithFallback(SerializationConfig.Create())
            .WithFallback(PersistenceConfig.Create(PersistenceStore.PostgreSql, ConnectionString))
            .WithFallback(HoconFiles.Load("base.conf"));

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
