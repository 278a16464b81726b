using System.Collections.Immutable;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Risk;
using KalshiArb.Adapters.Paper.Config;
using KalshiArb.Adapters.Paper.Execution;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Odds;
using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Kalshi.Feed;
using KalshiArb.Node.Tests.Audit;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Tests.Admin;

/// <summary>
/// A small trading node in a test ActorSystem over a private SQLite file: its execution side as the host wires it
/// (<see cref="ExecutionSide"/>) with the paper venue (one market with a book), fixed feed and odds views, and the
/// admin endpoint on loopback.
/// </summary>
public abstract class AdminNodeKit : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    public const string Ticker = "KXNFLGAME-26SEP20PHITEN-PHI";
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly TempJournal _dir;
    private PaperVenue? _venue;

    protected AdminNodeKit() : this(new TempJournal()) { }

    private AdminNodeKit(TempJournal dir) : base("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", "admin-spec")
    {
        _dir = dir;
    }

    protected string DataDirectory => _dir.Directory;
    protected AdminEndpoint Endpoint { get; private set; } = null!;
    protected AdminTargets Targets { get; private set; } = null!;
    protected ExecutionSide Execution { get; private set; } = null!;

    public static RiskLimits Limits { get; } = new()
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

    public async Task InitializeAsync()
    {
        _venue = new PaperVenue(new PaperVenueOptions { OrderLatency = TimeSpan.Zero, StartingBalance = Money.FromDollars(1_000) });
        // YES asks 0.52 (5), 0.53 (10).
        BookLevel[] yes = [new(Price.FromCents(45), Quantity.FromContracts(10))];
        BookLevel[] no = [new(Price.FromCents(47), Quantity.FromContracts(10)), new(Price.FromCents(48), Quantity.FromContracts(5))];
        Assert.Equal(BookUpdateResult.Applied, _venue.ApplySnapshot(Ticker, 1, yes, no));

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
        Execution = await ExecutionSide.StartAsync(AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = DataDirectory }), _venue, new RiskGateSettings(Limits) { InitialBalance = Money.FromDollars(1_000) }, orderSettings);
        var (gate, orders) = (Execution.Gate, Execution.Desk);
        var feed = Execution.System.ActorOf(FixedAnswerActor.Props(typeof(GetFeedState), new FeedStateView(true, 1, null, null, 1, 0, 500, 12.5, 40, 0, 0, 3,
            ImmutableDictionary<FeedIgnoreReason, long>.Empty, ImmutableDictionary<FeedRejectReason, long>.Empty)), "feed");
        var odds = Execution.System.ActorOf(FixedAnswerActor.Props(typeof(GetOddsFeedState), new OddsFeedStateView([], KalshiArb.Odds.Api.QuotaSnapshot.Unknown,
            2, 1, 7, ImmutableDictionary<ConsensusRejection, long>.Empty)), "odds");
        Targets = new AdminTargets(feed, odds, orders, gate, Limits);
        Endpoint = await AdminEndpoint.StartAsync(Targets, new AdminEndpointOptions { DataDirectory = DataDirectory }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Endpoint is not null) await Endpoint.DisposeAsync();
        if (Execution is not null) await Execution.DisposeAsync();
        if (_venue is not null) await _venue.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    /// <summary>Sends a signal for 10 YES at 0.53 and waits until its order reaches <paramref name="expected"/>.</summary>
    protected void SignalReaches(string signalId, ExecutionOrderState expected)
    {
        var executionId = ExecutionIds.FromSignal(signalId);
        Execution.Admission.Tell(new TradeSignal(signalId, Ticker, OutcomeSide.Yes, Price.FromCents(53), Quantity.FromContracts(10),
            0.6, 0.05, 0.9, "admin test", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ActorRefs.NoSender);
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe(Execution.System);
            Execution.Region.Tell(new GetOrderState(executionId), probe);
            Assert.Equal(expected, probe.ExpectMsg<OrderStateView>(Wait).State);
        }, Wait, TimeSpan.FromMilliseconds(50));
    }

    /// <summary>A signal while the kill switch is halted is refused at the door: no order exists for it.</summary>
    protected void SignalRefusedWhileHalted(string signalId)
    {
        Execution.Admission.Tell(new TradeSignal(signalId, Ticker, OutcomeSide.Yes, Price.FromCents(53), Quantity.FromContracts(10),
            0.6, 0.05, 0.9, "admin test", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ActorRefs.NoSender);
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe(Execution.System);
            Execution.Admission.Tell(GetAdmissionStatus.Instance, probe);
            Assert.True(probe.ExpectMsg<AdmissionStatus>(Wait).RefusedByReason.ContainsKey(nameof(AdmissionRefusal.Halted)));
        }, Wait, TimeSpan.FromMilliseconds(50));
        var state = CreateTestProbe(Execution.System);
        Execution.Region.Tell(new GetOrderState(ExecutionIds.FromSignal(signalId)), state);
        Assert.False(state.ExpectMsg<OrderStateView>(Wait).Exists);
    }

    protected KillSwitchState GateKillSwitch()
    {
        Targets.RiskGate.Tell(GetRiskState.Instance, TestActor);
        return ExpectMsg<RiskStateView>(Wait).KillSwitch;
    }

    protected AdminAccess Access() => AdminAccess.TryRead(DataDirectory, out var problem) ?? throw new InvalidOperationException(problem);
}
