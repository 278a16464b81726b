using KalshiArb.Node.Audit;
using KalshiArb.Node.Live;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Tests.Live;

public sealed class JournalOrderIndexSpec : IDisposable
{
    private const string Ticker = "KXNFLGAME-26SEP20PHITEN-PHI";
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-live-journal-").FullName;

    private static OrderCreatedEvent Created(string id) =>
        new(id, "sig-" + id, Ticker, OutcomeSide.Yes, Price.FromCents(40), Quantity.FromContracts(5), 1_000);

    /// <summary>Created → approved → submitting → acknowledged: resting at the venue.</summary>
    private static OrderJournalEvent[] Resting(string id) =>
        [Created(id), new OrderRiskApprovedEvent(Money.FromDollars(2), 1_001), new OrderSubmitRequestedEvent(1_002), new OrderAcknowledgedEvent("x-" + id, 1_003)];

    private static OrderJournalEvent[] Canceled(string id) => [.. Resting(id), new OrderCanceledEvent(Quantity.Zero, 1_004)];

    private static OrderJournalEvent[] Denied(string id) => [Created(id), new OrderRiskDeniedEvent(RiskDenialReason.InvalidRequest, 1_001)];

    private static JournaledOrder Journaled(string id, IEnumerable<OrderJournalEvent> events) =>
        new(OrderActor.PersistenceIdFor(id), id, events.Select((e, i) => new JournalEntry(i + 1, 1_000 + i, e, null)).ToArray());

    [Fact]
    public void Terminal_orders_are_known_but_not_open()
    {
        var index = JournalOrderIndex.From([Journaled("resting", Resting("resting")), Journaled("canceled", Canceled("canceled")),
            Journaled("denied", Denied("denied")), Journaled("fresh", [Created("fresh")])]);

        Assert.Equal(["canceled", "denied", "fresh", "resting"], index.Known.Order());
        Assert.Equal(["fresh", "resting"], index.Open.Order());
        Assert.Empty(index.Damaged);
    }

    [Fact]
    public void An_order_with_an_unreadable_row_counts_as_open_and_damaged()
    {
        var entries = Journaled("hurt", Canceled("hurt")).Entries.Take(4).Append(new JournalEntry(5, 0, null, "unreadable payload")).ToArray();

        var index = JournalOrderIndex.From([new JournaledOrder(OrderActor.PersistenceIdFor("hurt"), "hurt", entries)]);

        Assert.Contains("hurt", index.Known);
        Assert.Contains("hurt", index.Open);
        Assert.Contains("hurt", index.Damaged);
    }

    [Fact]
    public async Task Reads_a_real_sqlite_journal()
    {
        var config = AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir });
        var kit = new Akka.TestKit.Xunit2.TestKit(config, "live-journal-writer");
        try
        {
            var journals = new Dictionary<string, OrderJournalEvent[]>
            {
                ["a-open"] = Resting("a-open"),
                ["b-done"] = Canceled("b-done"),
                ["c-denied"] = Denied("c-denied"),
            };
            foreach (var (id, events) in journals)
            {
                var writer = kit.Sys.ActorOf(JournalWriterActor.Props(OrderActor.PersistenceIdFor(id), events));
                writer.Tell("write", kit.TestActor);
                kit.ExpectMsg(JournalWriterActor.Written, TimeSpan.FromSeconds(20));
            }
        }
        finally
        {
            // the writer is gone before the reader opens the file
            kit.Shutdown(TimeSpan.FromSeconds(20), verifySystemShutdown: true);
            kit.Dispose();
        }

        var index = await JournalOrderIndex.ReadAsync(config, CancellationToken.None);

        Assert.Equal(["a-open", "b-done", "c-denied"], index.Known.Order());
        Assert.Equal(["a-open"], index.Open);
        Assert.Empty(index.Damaged);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a file still closing only leaves a temp folder behind
        }
    }
}
