using Akka.Configuration;
using KalshiArb.Actors.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KalshiArb.Benchmarks;

public enum BenchStoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The journal a harness run writes to, made fresh for the run and removed at its end: a SQLite file in WAL mode in a
/// temp folder (the default, single-process deployment), or a new database <c>ka_bench_&lt;guid&gt;</c> on the PostgreSQL
/// server named by <c>--pg</c> or <c>KA_PG_CONNECTION</c> (the cluster deployment). Either way the shipped persistence
/// config (<see cref="PersistenceConfig.Create"/>) points at it.
/// </summary>
public sealed class BenchStore : IDisposable
{
    public const string PostgresEnvironmentVariable = "KA_PG_CONNECTION";

    private readonly string? _directory;
    private readonly string? _server;
    private readonly string? _database;

    private BenchStore(BenchStoreKind kind, string connectionString, string description, string? directory, string? server, string? database)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Description = description;
        _directory = directory;
        _server = server;
        _database = database;
    }

    public BenchStoreKind Kind { get; }

    public string ConnectionString { get; }

    /// <summary>Which store and where, for the first lines of a run (never a password).</summary>
    public string Description { get; }

    public PersistenceStore PersistenceStore => Kind == BenchStoreKind.Sqlite ? PersistenceStore.Sqlite : PersistenceStore.PostgreSql;

    /// <summary>The shipped persistence config pointed at this run's store.</summary>
    public Config PersistenceConfig => Actors.Persistence.PersistenceConfig.Create(PersistenceStore, ConnectionString);

    /// <summary>A store another process created (the recovery harness's child): used as it is, never removed here.</summary>
    public static BenchStore Existing(BenchStoreKind kind, string connectionString) =>
        new(kind, connectionString, $"{kind} (created by the parent)", null, null, null);

    public static BenchStore Create(BenchOptions options) =>
        options.Store == BenchStoreKind.Sqlite ? CreateSqlite() : CreatePostgres(options.PostgresServer);

    private static BenchStore CreateSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kalshiarb-bench-" + Guid.NewGuid().ToString("N"));
        var cs = $"Data Source={Path.Combine(dir, "journal.db")}";
        var mode = SqliteJournalFile.Prepare(cs);
        return new BenchStore(BenchStoreKind.Sqlite, cs, $"SQLite journal {cs} (journal_mode={mode})", dir, null, null);
    }

    private static BenchStore CreatePostgres(string? server)
    {
        server ??= Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"--store postgres needs a server: set {PostgresEnvironmentVariable} or pass --pg \"Host=...;Port=...;Username=...\"");
        var name = "ka_bench_" + Guid.NewGuid().ToString("N");
        using (var conn = new NpgsqlConnection(server))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            cmd.ExecuteNonQuery();
        }
        var b = new NpgsqlConnectionStringBuilder(server) { Database = name };
        var description = $"PostgreSQL {b.Host}:{b.Port} database {name} (user {b.Username}, max pool {b.MaxPoolSize}; created for this run, dropped at its end)";
        return new BenchStore(BenchStoreKind.Postgres, b.ConnectionString, description, null, server, name);
    }

    /// <summary>The floor under one journal write on this store, printed in the same form for both.</summary>
    public string CommitProbe(int commits)
    {
        if (Kind == BenchStoreKind.Sqlite)
            return $"raw SQLite single-row commit on this disk (floor per journal write): {SqliteCommitProbe.Run(_directory!, commits)}";
        var (summary, settings) = PostgresCommitProbe.Run(ConnectionString, commits);
        return $"raw PostgreSQL single-row INSERT+COMMIT over Npgsql (floor per journal write; {settings}): {summary}";
    }

    public void Dispose()
    {
        if (_directory is null && _database is null) return; // not ours
        if (Kind == BenchStoreKind.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory!, recursive: true);
            }
            catch (IOException ex)
            {
                Console.WriteLine($"  (could not remove {_directory}: {ex.Message})");
            }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var conn = new NpgsqlConnection(_server);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException ex)
        {
            Console.WriteLine($"  (could not drop database {_database}: {ex.Message})");
        }
    }
}
