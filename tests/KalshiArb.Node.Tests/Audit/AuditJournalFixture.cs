using KalshiArb.Domain.Fees;
using KalshiArb.Node.Tests.Live;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Tests.Audit;

/// <summary>
/// An order journal in an SQLite file, written once per test class through the node's own persistence config
/// (serializer, tags) by a plain persistent writer, so it does not depend on how OrderActor decides: two
/// orders fill (one game series with a signal horizon, one not), one is denied by risk and predates horizons.
/// Tests audit private copies of it, so corrupting one never touches another.
/// </summary>
public sealed class AuditJournalFixture : IAsyncLifetime
{
    public const string GameTicker = "KXNFLGAME-26SEP20PHITEN-PHI";
    public const string OtherTicker = "KXHIGHNY-26SEP20-T70";

    /// <summary>2026-09-20T16:00:00Z: every event is stamped from here.</summary>
    public const long T0 = 1_789_920_000_000;

    /// <summary>How long the fixture's signals stay valid.</summary>
    public const long Horizon = 2_000;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public TempJournal Journal { get; } = new();

    /// <summary>10 YES at limit 0.53: taker fills of 5 at 0.52 and 5 at 0.53.</summary>
    public string GameOrder => "audit-game";

    /// <summary>3 YES at limit 0.52 on a series that is not a game series: one taker fill.</summary>
    public string OtherOrder => "audit-other";

    /// <summary>500 contracts, denied by risk; written the old way (no signal time, no horizon).</summary>
    public string DeniedOrder => "audit-denied";

    /// <summary>The node names an order's journal "order-" + its execution id (what the audit reader expects).</summary>
    public static string PersistenceIdOf(string executionId) => "order-" + executionId;

    public Task InitializeAsync()
    {
        Write(Journal, new Dictionary<string, OrderJournalEvent[]>
        {
            [GameOrder] = Filled(GameOrder, "sig-game", GameTicker, 53, FeeSchedule.SportsGame, ("t-game-1", 5, 52), ("t-game-2", 5, 53)),
            [OtherOrder] = Filled(OtherOrder, "sig-other", OtherTicker, 52, FeeSchedule.StandardTaker, ("t-other-1", 3, 52)),
            [DeniedOrder] =
            [
                new OrderCreatedEvent(DeniedOrder, "sig-denied", GameTicker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(500), T0),
                new OrderRiskDeniedEvent(RiskDenialReason.MaxContractsPerMarket, T0 + 5),
            ],
        });
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Journal.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Created with a horizon → approved → submitted → acknowledged → taker fills of (trade, contracts, cents).</summary>
    public static OrderJournalEvent[] Filled(string id, string signalId, string ticker, int limitCents, FeeSchedule fees,
        params (string TradeId, long Contracts, int Cents)[] fills)
    {
        var limit = Price.FromCents(limitCents);
        var count = Quantity.FromContracts(fills.Sum(f => f.Contracts));
        List<OrderJournalEvent> events =
        [
            new OrderCreatedEvent(id, signalId, ticker, OutcomeSide.Yes, limit, count, T0, SignalAtMs: T0 - 50, SubmitByMs: T0 + Horizon),
            new OrderRiskApprovedEvent(Money.Notional(limit, count) + fees.TakerFee(count, limit), T0 + 10),
            new OrderSubmitRequestedEvent(T0 + 20),
            new OrderAcknowledgedEvent("x-" + id, T0 + 30),
        ];
        events.AddRange(fills.Select((f, i) =>
        {
            var (n, p) = (Quantity.FromContracts(f.Contracts), Price.FromCents(f.Cents));
            return new OrderFillAppliedEvent(f.TradeId, n, p, fees.FillFee(FeeRole.Taker, n, p), true, T0 + 40 + i);
        }));
        return [.. events];
    }

    /// <summary>Persists each order's events under its persistence id, then stops every writer before anyone reads the file.</summary>
    public static void Write(TempJournal journal, IReadOnlyDictionary<string, OrderJournalEvent[]> orders)
    {
        var config = AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = journal.Directory });
        var kit = new Akka.TestKit.Xunit2.TestKit(config, "audit-journal-writer");
        try
        {
            foreach (var (id, events) in orders)
            {
                var writer = kit.Sys.ActorOf(JournalWriterActor.Props(PersistenceIdOf(id), events));
                writer.Tell("write", kit.TestActor);
                kit.ExpectMsg(JournalWriterActor.Written, Wait);
            }
        }
        finally
        {
            kit.Shutdown(Wait, verifySystemShutdown: true);
            kit.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>A private copy of the journal for one test.</summary>
    public TempJournal Copy()
    {
        var copy = new TempJournal();
        using (var source = new SqliteConnection($"Data Source={Journal.FilePath};Mode=ReadOnly"))
        using (var target = new SqliteConnection(copy.ConnectionString))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        SqliteConnection.ClearAllPools();
        return copy;
    }
}
