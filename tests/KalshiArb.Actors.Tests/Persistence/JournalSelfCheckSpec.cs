using Akka.Actor;
using Akka.TestKit.Xunit2;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Serialization;
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
