using Akka.Actor;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues.Paper;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Risk;
using KalshiArb.Node.Hosting;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Tests.Audit;

/// <summary>
/// A real order journal, produced once per test class: the execution side as the host wires it (OrderActors in the
/// order shard region, the RiskGate singleton, the admission) and the paper venue fed a book, over an SQLite file. Two orders fill (one game series, one not), one is
/// denied by risk. Tests audit private copies of it, so corrupting one never touches another.
/// </summary>
public sealed class AuditJournalFixture : IAsyncLifetime
{
    public const string GameTicker = "KXNFLGAME-26SEP20PHITEN-PHI";
    public const string OtherTicker = "KXHIGHNY-26SEP20-T70";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public TempJournal Journal { get; } = new();

    /// <summary>10 YES at limit 0.53 against asks 0.52 (5) and 0.53 (10): two taker fills.</summary>
    public string GameOrder { get; } = ExecutionIds.FromSignal("sig-game");

    /// <summary>3 YES at limit 0.52 on a series that is not a game series: one taker fill.</summary>
    public string OtherOrder { get; } = ExecutionIds.FromSignal("sig-other");

    /// <summary>500 contracts, above the 100-contract limit: denied by the RiskGate.</summary>
    public string DeniedOrder { get; } = ExecutionIds.FromSignal("sig-denied");

    public async Task InitializeAsync()
    {
        var settings = new NodeSettings { DataDirectory = Journal.Directory };
        var config = AkkaConfigComposer.Compose(settings);
        var kit = new Akka.TestKit.Xunit2.TestKit(config, "audit-journal-writer");
        await using var venue = new PaperVenue(new PaperVenueOptions { OrderLatency = TimeSpan.Zero, StartingBalance = Money.FromDollars(1_000) });
        try
        {
            // YES bids 0.45 (10); NO bids 0.48 (5), 0.47 (10) → YES asks 0.52 (5), 0.53 (10).
            BookLevel[] yes = [new(Price.FromCents(45), Quantity.FromContracts(10))];
            BookLevel[] no = [new(Price.FromCents(47), Quantity.FromContracts(10)), new(Price.FromCents(48), Quantity.FromContracts(5))];
            Assert.Equal(BookUpdateResult.Applied, venue.ApplySnapshot(GameTicker, 1, yes, no));
            Assert.Equal(BookUpdateResult.Applied, venue.ApplySnapshot(OtherTicker, 1, yes, no));

            var orderSettings = new OrderActorSettings
            {
                Policy = new OrderPolicy
                {
                    RiskTimeout = TimeSpan.FromSeconds(5),
                    VenueCallTimeout = TimeSpan.FromSeconds(5),
                    PollInterval = TimeSpan.FromMilliseconds(50),
                    ReconcileRetryInterval = TimeSpan.FromMilliseconds(50),
                },
            };
            var node = await ExecutionSide.StartAsync(kit.Sys, venue, new RiskGateSettings(Limits()) { InitialBalance = Money.FromDollars(1_000) },
                orderSettings);

            Place(kit, node, "sig-game", GameTicker, 10, 53, GameOrder, ExecutionOrderState.Filled);
            Place(kit, node, "sig-other", OtherTicker, 3, 52, OtherOrder, ExecutionOrderState.Filled);
            Place(kit, node, "sig-denied", GameTicker, 500, 50, DeniedOrder, ExecutionOrderState.RiskDenied);
        }
        finally
        {
            // Writers gone before anyone reads or corrupts the file.
            kit.Shutdown(Wait, verifySystemShutdown: true);
            kit.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }

    public Task DisposeAsync()
    {
        Journal.Dispose();
        return Task.CompletedTask;
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

    private static void Place(Akka.TestKit.Xunit2.TestKit kit, ExecutionSide node, string signalId, string ticker, long contracts, int cents,
        string executionId, ExecutionOrderState expected)
    {
        node.Admission.Tell(new TradeSignal(signalId, ticker, OutcomeSide.Yes, Price.FromCents(cents), Quantity.FromContracts(contracts),
            0.6, 0.05, 0.9, "audit test", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ActorRefs.NoSender);
        kit.AwaitAssert(() =>
        {
            var probe = kit.CreateTestProbe();
            node.Region.Tell(new GetOrderState(executionId), probe);
            Assert.Equal(expected, probe.ExpectMsg<OrderStateView>(Wait).State);
        }, Wait, TimeSpan.FromMilliseconds(50));
    }

    private static RiskLimits Limits() => new()
    {
        MaxContractsPerMarket = Quantity.FromContracts(100),
        MaxExposurePerMarket = Money.FromDollars(100),
        MaxTotalExposure = Money.FromDollars(500),
        MaxOpenMarkets = 10,
        DailyLossLimit = Money.FromDollars(50),
        LossStreakLimit = 3,
        LossStreakCooldown = TimeSpan.FromHours(1),
        MaxOrdersPerMinute = 100,
    };
}
