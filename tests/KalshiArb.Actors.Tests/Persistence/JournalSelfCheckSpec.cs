using Microsoft.Data.Sqlite;

namespace KalshiArb.Actors.Tests.Persistence;

public sealed class JournalSelfCheckSpec : TestKit
{
    private static readonly TestDatabase Db = new();

    public JournalSelfCheckSpec() : base(Db.AkkaConfig(), "journal-self-check")
    {
    }

    [Fact]
    public void Probe_is_written_through_our_serializer_and_read_back_by_the_read_journal()
    {
        var check = Sys.ActorOf(JournalSelfCheckActor.Props("journal-probe-test"));
        check.Tell(new JournalSelfCheckActor.Run(1_700_000_000_000));
        var result = ExpectMsg<JournalCheckResult>(TimeSpan.FromSeconds(20));
        Assert.True(result.Healthy, result.Reason);
        Assert.Equal(1, result.SequenceNr);

        using var conn = new SqliteConnection(Db.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT manifest, serializer_id, payload FROM event_journal WHERE persistence_id = 'journal-probe-test'";
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(JournalProbeEvent.Manifest, reader.GetString(0));
        Assert.Equal(KalshiArbSerializer.SerializerId, reader.GetInt32(1));
        var json = System.Text.Encoding.UTF8.GetString((byte[])reader["payload"]);
        Assert.Contains("\"sample\":\"1.2345\"", json);
        Assert.DoesNotContain("KalshiArb", json); // no CLR type names in the journal
    }

    [Fact]
    public void A_second_run_appends_and_recovery_replays_earlier_probes()
    {
        var first = Sys.ActorOf(JournalSelfCheckActor.Props("journal-probe-replay"));
        first.Tell(new JournalSelfCheckActor.Run(1));
        Assert.True(ExpectMsg<JournalCheckResult>(TimeSpan.FromSeconds(20)).Healthy);
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = Sys.ActorOf(JournalSelfCheckActor.Props("journal-probe-replay"));
        second.Tell(new JournalSelfCheckActor.Run(2));
        var result = ExpectMsg<JournalCheckResult>(TimeSpan.FromSeconds(20));
        Assert.True(result.Healthy, result.Reason);
        Assert.Equal(2, result.SequenceNr);
    }
}

public sealed class SqliteJournalFileSpec : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public void Prepare_switches_the_file_to_wal_and_creates_missing_folders()
    {
        var nested = Path.Combine(_db.Directory, "a", "b", "journal.db");
        Assert.Equal("wal", KalshiArb.Actors.Persistence.SqliteJournalFile.Prepare($"Data Source={nested}"));
        Assert.True(File.Exists(nested));
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>A data folder written before tags moved into the event row still works after Prepare.</summary>
public sealed class SqliteJournalMigrationSpec : JournalTestKit
{
    /// <summary>The journal table as the plugin created it while tags were written to a tag table (no tags column).</summary>
    public const string TagTableEraJournal = """
        CREATE TABLE [event_journal] (
          [ordering] INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, [timestamp] INTEGER NOT NULL, [is_deleted] Bit NOT NULL,
          [persistence_id] NVarChar(255) NOT NULL, [sequence_nr] INTEGER NOT NULL, [payload] VarBinary NOT NULL,
          [manifest] NVarChar(500) NULL, [serializer_id] INTEGER NULL);
        CREATE UNIQUE INDEX event_journal_uq ON event_journal (persistence_id, sequence_nr);
        """;

    public SqliteJournalMigrationSpec() : base(new TestDatabase(), "sqlite-journal-migration")
    {
    }

    [Fact]
    public void An_old_journal_gets_its_tags_column_and_takes_writes()
    {
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = TagTableEraJournal;
            cmd.ExecuteNonQuery();
        }

        KalshiArb.Actors.Persistence.SqliteJournalFile.Prepare(ConnectionString);
        KalshiArb.Actors.Persistence.SqliteJournalFile.Prepare(ConnectionString); // twice: nothing to do the second time

        var check = Sys.ActorOf(KalshiArb.Actors.Persistence.JournalSelfCheckActor.Props("journal-probe-migrated"));
        check.Tell(new KalshiArb.Actors.Persistence.JournalSelfCheckActor.Run(1));
        var result = ExpectMsg<KalshiArb.Actors.Persistence.JournalCheckResult>(TimeSpan.FromSeconds(30));
        Assert.True(result.Healthy, result.Reason);
    }
}
