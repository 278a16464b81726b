using Npgsql;

namespace KalshiArb.Actors.Tests.Persistence;

[Collection("postgres")]
public sealed class PostgresJournalSpec : TestKit
{
    private static readonly PostgresDatabase Db = new();

    public PostgresJournalSpec() : base(Db.AkkaConfig(), "postgres-journal")
    {
    }

    [Fact]
    public void The_cluster_journal_writes_through_our_serializer_and_reads_back()
    {
        var check = Sys.ActorOf(JournalSelfCheckActor.Props("journal-probe-pg"));
        check.Tell(new JournalSelfCheckActor.Run(1));
        var result = ExpectMsg<JournalCheckResult>(TimeSpan.FromSeconds(30));
        Assert.True(result.Healthy, result.Reason);

        using var conn = new NpgsqlConnection(Db.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT manifest, serializer_id FROM public.event_journal WHERE persistence_id = 'journal-probe-pg'";
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(JournalProbeEvent.Manifest, reader.GetString(0));
        Assert.Equal(KalshiArbSerializer.SerializerId, reader.GetInt32(1));
    }

    [Fact]
    public void A_journal_table_from_before_tags_moved_into_the_row_gets_its_tags_column()
    {
        using var db = new PostgresDatabase();
        using (var conn = new NpgsqlConnection(db.ConnectionString))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE public.event_journal (ordering BIGSERIAL NOT NULL PRIMARY KEY, persistence_id VARCHAR(255) NOT NULL,
                  sequence_nr BIGINT NOT NULL, is_deleted BOOLEAN NOT NULL, created_at BIGINT NOT NULL, manifest VARCHAR(500) NOT NULL,
                  payload BYTEA NOT NULL, identifier INTEGER NULL, CONSTRAINT event_journal_uq UNIQUE (persistence_id, sequence_nr))
                """;
            cmd.ExecuteNonQuery();
        }

        PostgresJournal.Prepare(db.ConnectionString);
        PostgresJournal.Prepare(db.ConnectionString);

        using var check = new NpgsqlConnection(db.ConnectionString);
        check.Open();
        using var q = check.CreateCommand();
        q.CommandText = "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'event_journal' AND column_name = 'tags'";
        Assert.Equal(1L, Convert.ToInt64(q.ExecuteScalar()));
    }

    [Fact]
    public void A_restarted_writer_continues_the_sequence()
    {
        var first = Sys.ActorOf(JournalSelfCheckActor.Props("journal-probe-pg-restart"));
        first.Tell(new JournalSelfCheckActor.Run(1));
        Assert.True(ExpectMsg<JournalCheckResult>(TimeSpan.FromSeconds(30)).Healthy);
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = Sys.ActorOf(JournalSelfCheckActor.Props("journal-probe-pg-restart"));
        second.Tell(new JournalSelfCheckActor.Run(2));
        var r = ExpectMsg<JournalCheckResult>(TimeSpan.FromSeconds(30));
        Assert.True(r.Healthy, r.Reason);
        Assert.Equal(2, r.SequenceNr);
    }
}
