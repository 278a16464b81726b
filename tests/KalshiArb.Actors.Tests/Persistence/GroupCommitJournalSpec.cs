using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace KalshiArb.Actors.Tests.Persistence;

/// <summary>
/// The shipped journal (<see cref="GroupCommitJournal"/>) on each store: many writers at once, replay through the
/// plugin's own read path, tags found by the read journal, rejections. Rows must stay in the plugin's format.
/// </summary>
public abstract class GroupCommitJournalSpec : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    protected GroupCommitJournalSpec(Config config, string name) : base(config, name)
    {
    }

    /// <summary>A connection to the journal's database, to look at the rows themselves.</summary>
    protected abstract System.Data.Common.DbConnection OpenDatabase();

    [Fact]
    public void Many_writers_at_once_are_all_durable_in_order_and_replayed_after_a_restart()
    {
        const int writers = 40;
        var run = Guid.NewGuid().ToString("N")[..8];
        var first = Enumerable.Range(0, writers).Select(i => Sys.ActorOf(ProbeWriter.Props($"gc-{run}-{i}", TestActor))).ToList();
        foreach (var w in first) ExpectMsg<ProbeWriter.Recovered>(Wait);
        // Three atomic writes of two events each per writer, all sent before any is answered.
        foreach (var w in first) w.Tell(new ProbeWriter.WriteProbes(AtomicWrites: 3, EventsPerWrite: 2));
        var done = Enumerable.Range(0, writers).Select(_ => ExpectMsg<ProbeWriter.Written>(Wait)).ToList();
        Assert.All(done, d => Assert.Equal(6, d.LastSequenceNr));
        foreach (var w in first)
        {
            Watch(w);
            Sys.Stop(w);
            ExpectTerminated(w, Wait);
        }

        var second = Enumerable.Range(0, writers).Select(i => Sys.ActorOf(ProbeWriter.Props($"gc-{run}-{i}", TestActor))).ToList();
        var recovered = Enumerable.Range(0, writers).Select(_ => ExpectMsg<ProbeWriter.Recovered>(Wait)).ToList();
        Assert.All(recovered, r =>
        {
            Assert.Equal(6, r.LastSequenceNr);
            Assert.Equal(Enumerable.Range(1, 6).Select(n => (long)n), r.Samples);
        });
        // Rows are in journal order (what the read journal's tag queries follow): within each writer, ordering rises with
        // the sequence number.
        using (var db = OpenDatabase())
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT persistence_id, sequence_nr FROM event_journal WHERE persistence_id LIKE 'gc-{run}-%' ORDER BY ordering";
            using var reader = cmd.ExecuteReader();
            var last = new Dictionary<string, long>();
            var rows = 0;
            while (reader.Read())
            {
                var pid = reader.GetString(0);
                var seq = reader.GetInt64(1);
                Assert.Equal(last.GetValueOrDefault(pid) + 1, seq);
                last[pid] = seq;
                rows++;
            }
            Assert.Equal(writers * 6, rows);
        }

        // The next write continues each sequence.
        second[0].Tell(new ProbeWriter.WriteProbes(1, 1));
        Assert.Equal(7, ExpectMsg<ProbeWriter.Written>(Wait).LastSequenceNr);
    }

    [Fact]
    public async Task Tagged_events_are_found_by_the_read_journal_by_tag_and_by_id()
    {
        var pid = "gc-tagged-" + Guid.NewGuid().ToString("N")[..8];
        var writer = Sys.ActorOf(ProbeWriter.Props(pid, TestActor));
        ExpectMsg<ProbeWriter.Recovered>(Wait);
        var created = new OrderCreatedEvent("x-1", "sig-1", "KXNBAGAME-26DEC07LALBOS-BOS", OutcomeSide.Yes, Price.FromCents(45),
            Quantity.FromContracts(3), 1_765_000_000_000, 1_765_000_000_000, 1_765_000_003_000);
        writer.Tell(new ProbeWriter.WriteEvent(created));
        Assert.Equal(1, ExpectMsg<ProbeWriter.Written>(Wait).LastSequenceNr);

        var journal = PersistenceQuery.Get(Sys).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var byTag = await journal.CurrentEventsByTag(OrderJournalEvent.Tag, Offset.NoOffset())
            .Where(e => e.PersistenceId == pid)
            .RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        Assert.Equal(created, Assert.Single(byTag).Event);
        var byId = await journal.CurrentEventsByPersistenceId(pid, 0, long.MaxValue).RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        Assert.Equal(created, Assert.Single(byId).Event);
        Assert.True(byId[0].Timestamp > 0);
    }

    [Fact]
    public void An_event_our_serializer_does_not_know_is_rejected_not_written_and_the_writer_goes_on()
    {
        var pid = "gc-rejected-" + Guid.NewGuid().ToString("N")[..8];
        var writer = Sys.ActorOf(ProbeWriter.Props(pid, TestActor));
        ExpectMsg<ProbeWriter.Recovered>(Wait);
        writer.Tell(new ProbeWriter.WriteEvent(new NotRegistered("nope")));
        Assert.Contains("NotRegistered", ExpectMsg<ProbeWriter.Rejected>(Wait).Reason);
        writer.Tell(new ProbeWriter.WriteProbes(1, 1));
        var written = ExpectMsg<ProbeWriter.Written>(Wait);

        Watch(writer);
        Sys.Stop(writer);
        ExpectTerminated(writer, Wait);
        Sys.ActorOf(ProbeWriter.Props(pid, TestActor));
        var recovered = ExpectMsg<ProbeWriter.Recovered>(Wait);
        Assert.Equal(written.LastSequenceNr, recovered.LastSequenceNr);
        Assert.Single(recovered.Samples);
    }

    [Fact]
    public async Task An_order_is_listed_as_open_by_the_write_that_opens_it_and_unlisted_by_the_write_that_ends_it()
    {
        var id = "oo-" + Guid.NewGuid().ToString("N")[..8];
        var pid = OrderActor.PersistenceIdFor(id);
        var writer = Sys.ActorOf(ProbeWriter.Props(pid, TestActor));
        ExpectMsg<ProbeWriter.Recovered>(Wait);
        await using var list = OpenOrderList.For(Sys.Settings.Config.GetConfig("akka.persistence.journal.sql"));

        var created = new OrderCreatedEvent(id, "sig-1", "KXNBAGAME-26DEC07LALBOS-BOS", OutcomeSide.Yes, Price.FromCents(45),
            Quantity.FromContracts(3), 1_765_000_000_000) { OpenOrderChange = OpenOrderChange.Opened };
        writer.Tell(new ProbeWriter.WriteEvent(created));
        ExpectMsg<ProbeWriter.Written>(Wait);
        Assert.Equal(new OpenOrderEntry(pid, 1), Assert.Single(await Listed(list, pid)));

        // An event that changes nothing leaves it listed; the one that ends the order takes it off.
        writer.Tell(new ProbeWriter.WriteEvent(new OrderAcknowledgedEvent("ex-1", 1_765_000_000_001)));
        ExpectMsg<ProbeWriter.Written>(Wait);
        Assert.Single(await Listed(list, pid));
        writer.Tell(new ProbeWriter.WriteEvent(new OrderCanceledEvent(Quantity.Zero, 1_765_000_000_002) { OpenOrderChange = OpenOrderChange.Ended }));
        ExpectMsg<ProbeWriter.Written>(Wait);
        Assert.Empty(await Listed(list, pid));

        // Reopened (a finished order that turned up at the venue), then found finished at an older sequence number:
        // the removal keeps the newer listing.
        writer.Tell(new ProbeWriter.WriteEvent(new OrderNeedsAttentionEvent("turned up", 1_765_000_000_003) { OpenOrderChange = OpenOrderChange.Opened }));
        ExpectMsg<ProbeWriter.Written>(Wait);
        Assert.Equal(new OpenOrderEntry(pid, 4), Assert.Single(await Listed(list, pid)));
        await list.RemoveFinishedAsync(pid, 3, CancellationToken.None);
        Assert.Single(await Listed(list, pid));
        await list.RemoveFinishedAsync(pid, 4, CancellationToken.None);
        Assert.Empty(await Listed(list, pid));
    }

    [Fact]
    public async Task A_journal_written_before_the_open_order_table_lists_its_unfinished_orders_when_the_table_is_created()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        string Pid(string name) => OrderActor.PersistenceIdFor($"bf-{run}-{name}");
        OrderCreatedEvent Created(string name) => new($"bf-{run}-{name}", "sig", "T1", OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(3), 1);
        // Old events carry no open-order change: nothing lists them as they are written.
        var legacy = new (string Name, object[] Events)[]
        {
            ("resting", [Created("resting"), new OrderAcknowledgedEvent("ex-1", 2)]),
            ("canceled", [Created("canceled"), new OrderCanceledEvent(Quantity.Zero, 2)]),
            ("filled", [Created("filled"), new OrderFillAppliedEvent("t-1", Quantity.FromContracts(3), Price.FromCents(45), Money.Zero, true, 2)]),
            ("denied", [Created("denied"), new OrderRiskDeniedEvent(Domain.Risk.RiskDenialReason.Halted, 2)]),
        };
        foreach (var (name, events) in legacy)
        {
            var writer = Sys.ActorOf(ProbeWriter.Props(Pid(name), TestActor));
            ExpectMsg<ProbeWriter.Recovered>(Wait);
            foreach (var e in events)
            {
                writer.Tell(new ProbeWriter.WriteEvent(e));
                ExpectMsg<ProbeWriter.Written>(Wait);
            }
        }
        // Not an order: its first event is no creation.
        var other = Sys.ActorOf(ProbeWriter.Props(Pid("other"), TestActor));
        ExpectMsg<ProbeWriter.Recovered>(Wait);
        other.Tell(new ProbeWriter.WriteProbes(1, 1));
        ExpectMsg<ProbeWriter.Written>(Wait);

        using (var db = OpenDatabase())
        {
            using var drop = db.CreateCommand();
            drop.CommandText = $"DROP TABLE {OpenOrderTable.Name}";
            drop.ExecuteNonQuery();
        }
        await using (var store = NewRowStore()) await store.HighestSequenceNrsAsync([Pid("resting")]);

        await using var list = OpenOrderList.For(Sys.Settings.Config.GetConfig("akka.persistence.journal.sql"));
        var listed = (await list.ListAsync(CancellationToken.None)).Where(e => e.PersistenceId.StartsWith($"order-bf-{run}-", StringComparison.Ordinal))
            .Select(e => e.PersistenceId).Order(StringComparer.Ordinal).ToList();
        // The filled one cannot be told from a partly filled one in SQL: listed, and the watch takes it off.
        Assert.Equal([Pid("filled"), Pid("resting")], listed);
    }

    [Fact]
    public void The_back_fill_names_manifests_the_serializer_writes()
    {
        var journal = ExecutionManifests.Journal.Select(e => e.Manifest).ToHashSet(StringComparer.Ordinal);
        Assert.All(OpenOrderTable.BackfillManifests, m => Assert.Contains(m, journal));
    }

    [Fact]
    public async Task A_group_larger_than_one_multi_row_insert_is_stored_whole_and_in_order_or_not_at_all()
    {
        // The journal creates its table when it starts: one write through it first.
        var run = Guid.NewGuid().ToString("N")[..8];
        var writer = Sys.ActorOf(ProbeWriter.Props($"rows-{run}-start", TestActor));
        ExpectMsg<ProbeWriter.Recovered>(Wait);
        writer.Tell(new ProbeWriter.WriteProbes(1, 1));
        ExpectMsg<ProbeWriter.Written>(Wait);

        var pid = $"rows-{run}";
        JournalRow Row(long seq) => new(pid, seq, 1_000 + seq, [(byte)seq, 7], seq % 2 == 0 ? ";even;" : null, "probe-v" + seq, 4711);
        // 37 rows: two full multi-row inserts of 16 and five rows one by one.
        await using var store = NewRowStore();
        await store.InsertAsync(Enumerable.Range(1, 37).Select(i => Row(i)).ToList());
        // A group whose 11th row repeats a stored sequence number (inside its first multi-row insert): none of it is stored.
        var refused = Enumerable.Range(38, 20).Select(i => Row(i)).ToList();
        refused[10] = Row(5);
        await Assert.ThrowsAnyAsync<Exception>(() => store.InsertAsync(refused));

        using var db = OpenDatabase();
        using var read = db.CreateCommand();
        read.CommandText = $"SELECT sequence_nr, payload, tags, manifest, serializer_id FROM event_journal WHERE persistence_id = '{pid}' ORDER BY ordering";
        var stored = new List<(long Seq, byte[] Payload, string? Tags, string Manifest, int Serializer)>();
        using (var reader = read.ExecuteReader())
            while (reader.Read())
                stored.Add((reader.GetInt64(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Enumerable.Range(1, 37).Select(i => (long)i), stored.Select(r => r.Seq));
        Assert.All(stored, r =>
        {
            var expected = Row(r.Seq);
            Assert.Equal(expected.Payload, r.Payload);
            Assert.Equal(expected.Tags, r.Tags);
            Assert.Equal(expected.Manifest, r.Manifest);
            Assert.Equal(expected.SerializerId, r.Serializer);
        });
    }

    /// <summary>A second row store on the same database (the one the journal uses is the plugin's own).</summary>
    protected abstract IJournalRowStore NewRowStore();

    private static async Task<List<OpenOrderEntry>> Listed(IOpenOrderList list, string pid) =>
        (await list.ListAsync(CancellationToken.None)).Where(e => e.PersistenceId == pid).ToList();

    private sealed record NotRegistered(string Text);

    /// <summary>Persists what it is told and reports its recovery: probe samples count 1, 2, 3… per writer.</summary>
    private sealed class ProbeWriter : PersistentActor
    {
        public sealed record WriteProbes(int AtomicWrites, int EventsPerWrite);
        public sealed record WriteEvent(object Event);
        public sealed record Written(long LastSequenceNr);
        public sealed record Rejected(string Reason);
        public sealed record Recovered(long LastSequenceNr, IReadOnlyList<long> Samples);

        private readonly IActorRef _report;
        private readonly List<long> _samples = [];

        public ProbeWriter(string persistenceId, IActorRef report)
        {
            PersistenceId = persistenceId;
            _report = report;
        }

        public override string PersistenceId { get; }

        public static Props Props(string persistenceId, IActorRef report) =>
            Akka.Actor.Props.Create(() => new ProbeWriter(persistenceId, report));

        protected override bool ReceiveRecover(object message)
        {
            switch (message)
            {
                case JournalProbeEvent p:
                    _samples.Add(p.Sample.Units);
                    return true;
                case RecoveryCompleted:
                    _issued = _samples.Count;
                    _report.Tell(new Recovered(LastSequenceNr, _samples.ToList()));
                    return true;
                default:
                    return true;
            }
        }

        protected override bool ReceiveCommand(object message)
        {
            switch (message)
            {
                case WriteProbes w:
                    var left = w.AtomicWrites;
                    for (var i = 0; i < w.AtomicWrites; i++)
                    {
                        var events = Enumerable.Range(0, w.EventsPerWrite)
                            .Select(_ => new JournalProbeEvent(PersistenceId, 0, new Money(++_issued)))
                            .ToList();
                        var stored = 0;
                        PersistAll(events, e =>
                        {
                            _samples.Add(e.Sample.Units);
                            if (++stored == events.Count && --left == 0) _report.Tell(new Written(LastSequenceNr));
                        });
                    }
                    return true;
                case WriteEvent e:
                    Persist(e.Event, _ => _report.Tell(new Written(LastSequenceNr)));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Probes handed to the journal so far (recovered ones included): the next sample is one more.</summary>
        private long _issued;

        protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
            _report.Tell(new Rejected($"{@event.GetType().Name}: {cause.Message}"));
    }
}

public sealed class SqliteGroupCommitJournalSpec() : GroupCommitJournalSpec(Db.AkkaConfig(), "group-commit-sqlite")
{
    private static readonly TestDatabase Db = new();

    protected override System.Data.Common.DbConnection OpenDatabase()
    {
        var c = new Microsoft.Data.Sqlite.SqliteConnection(Db.ConnectionString);
        c.Open();
        return c;
    }

    protected override IJournalRowStore NewRowStore() => new SqliteJournalRowStore(Db.ConnectionString);
}

[Collection("postgres")]
public sealed class PostgresGroupCommitJournalSpec() : GroupCommitJournalSpec(Db.AkkaConfig(), "group-commit-postgres")
{
    private static readonly PostgresDatabase Db = new();

    protected override System.Data.Common.DbConnection OpenDatabase()
    {
        var c = new Npgsql.NpgsqlConnection(Db.ConnectionString);
        c.Open();
        return c;
    }

    protected override IJournalRowStore NewRowStore() => new PostgresJournalRowStore(Db.ConnectionString);
}
