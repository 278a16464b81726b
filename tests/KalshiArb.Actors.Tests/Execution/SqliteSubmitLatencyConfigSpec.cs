namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// The SQLite settings the signal→submit latency depends on (hocon/persistence-sqlite.conf explains the numbers),
/// and the one it must not use yet: a read-uncommitted snapshot load races the store's table creation on a new file.
/// </summary>
public sealed class SqliteSubmitLatencyConfigSpec
{
    private static readonly Akka.Configuration.Config Sqlite = PersistenceConfig.Create(PersistenceStore.Sqlite, "Data Source=latency-config-spec.db");

    [Fact]
    public void The_journal_reads_without_taking_the_write_lock_and_writes_from_one_writer()
    {
        Assert.Equal("read-uncommitted", Sqlite.GetString("akka.persistence.journal.sql.read-isolation-level"));
        Assert.Equal(1, Sqlite.GetInt("akka.persistence.journal.sql.parallelism"));
    }

    [Theory]
    [InlineData(PersistenceStore.Sqlite)]
    [InlineData(PersistenceStore.PostgreSql)]
    public void Both_stores_write_through_the_group_commit_journal(PersistenceStore store)
    {
        var config = PersistenceConfig.Create(store, store == PersistenceStore.Sqlite ? "Data Source=x.db" : "Host=127.0.0.1");
        Assert.Equal(typeof(GroupCommitJournal).FullName + ", KalshiArb.Actors", config.GetString("akka.persistence.journal.sql.class"));
    }

    [Fact]
    public void The_snapshot_store_keeps_the_default_read_isolation_that_waits_for_its_table()
    {
        Assert.Equal("unspecified", Sqlite.GetString("akka.persistence.snapshot-store.sql.read-isolation-level"));
    }
}
