using Akka.Configuration;
using Akka.Persistence.Sql;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// Builds the persistence part of the Akka config from the shipped hocon/ files (embedded in this
/// assembly) with the deployment's connection string applied to journal, snapshots and read journal.
/// </summary>
public static class PersistenceConfig
{
    public static Config Create(PersistenceStore store, string connectionString)
    {
        var file = store == PersistenceStore.Sqlite ? "persistence-sqlite.conf" : "persistence-postgres.conf";
        var cs = Quote(connectionString);
        // SQLite: snapshots in a file of their own, so the journal keeps its file's one write lock (SqliteJournalFile).
        var snapshots = Quote(store == PersistenceStore.Sqlite ? SqliteJournalFile.SnapshotConnectionString(connectionString) : connectionString);
        var overrides = ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.sql.connection-string = "{{cs}}"
            akka.persistence.snapshot-store.sql.connection-string = "{{snapshots}}"
            akka.persistence.query.journal.sql.connection-string = "{{cs}}"
            """);
        // The plugin's own defaults are only loaded by its .Hosting package, which is not available here.
        return overrides
            .WithFallback(HoconFiles.Load(file))
            .WithFallback(SqlPersistence.DefaultConfiguration);
    }

    private static string Quote(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
