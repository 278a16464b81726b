using System.Security.Cryptography;
using Akka.Streams;
using KalshiArb.Actors.Tests.Risk;
using KalshiArb.Adapters.Kalshi.Config;
using KalshiArb.Adapters.Kalshi.Execution;
using KalshiArb.Domain.Audit;
using KalshiArb.Domain.Fees;
using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Rest;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// Nothing reaches the venue after the signal's horizon: not after a slow gate, not after a crash. The crash specs run
/// the production path (<see cref="ExecutionNode"/>: one-member cluster, remembered order entities, SQLite journal)
/// against the exchange simulator through the real KalshiVenue, and crash the node with its submit journaled but not
/// yet sent.
/// </summary>
public sealed class OrderHorizonSpec : ExecutionSpec, IAsyncLifetime
{
    private const string KeyId = "horizon-spec-key";
    private readonly TestDatabase _db;
    private readonly RSA _rsa = RSA.Create(2048);
    private ExchangeSimulator _sim = null!;
    private KalshiSigner _signer = null!;
    private KalshiVenue _venue = null!;
    private ActorSystem _venueSystem = null!;
    private string _ticker = null!;

    public OrderHorizonSpec() : this(new TestDatabase())
    {
    }

    private OrderHorizonSpec(TestDatabase db) : base(db, "order-horizon-spec") => _db = db;

    public async Task InitializeAsync()
    {
        _sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Accounts = [new SimAccount(KeyId, _rsa.ExportSubjectPublicKeyInfoPem(), Money.FromDollars(1000))],
            TickInterval = null,
            Seed = 5,
        });
        _ticker = _sim.Exchange.Games()[0].HomeMarketTicker;
        _signer = KalshiSigner.FromPem(KeyId, _rsa.ExportPkcs8PrivateKeyPem());
        // The venue's streams outlive every node of a spec (a crash must not take the exchange connection with it).
        _venueSystem = ActorSystem.Create("horizon-venue");
        _venue = KalshiVenue.Create(KalshiVenueOptions.Simulator(_sim.RestBaseUrl, _sim.WsUrl) with
        {
            Rest = new KalshiRestOptions { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(5) },
        }, _signer, _venueSystem.Materializer());
        _venue.Start();
        await _venue.AccountFeedReady.WaitAsync(Wait);
    }

    public async Task DisposeAsync()
    {
        await _venue.DisposeAsync();
        await _sim.DisposeAsync();
        await _venueSystem.Terminate();
        _signer.Dispose();
        _rsa.Dispose();
    }

    private int OrdersAtExchange(string clientOrderId) =>
        _sim.Exchange.Account(KeyId)!.Orders().Count(o => o.Snapshot.ClientOrderId == clientOrderId);

    /// <summary>A bid far below the market: it rests, so the venue's view stays simple.</summary>
    private Contracts.TradeSignal RestingSignal(string signalId) => Signal(signalId, _ticker, contracts: 2, cents: 2);

    private static OrderActorSettings Horizon(TimeSpan horizon, TimeSpan venueCallTimeout) => Fast(p => p with
    {
        MaxSignalAge = horizon,
        VenueCallTimeout = venueCallTimeout,
        InFlightGrace = TimeSpan.FromMilliseconds(500),
    });

    private static RiskGateSettings GateSettings(string persistenceId) => RiskTestData.Settings(new ManualClock(), persistenceId: persistenceId);

    private async Task<OrderStateView> AwaitStateAsync(ExecutionNode node, string executionId, S state)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var view = await node.OrderAsync(executionId);
            if (view.State == state) return view;
            if (DateTime.UtcNow > deadline) Assert.Fail($"order {executionId} is {view.State}, expected {state}");
            await Task.Delay(50);
        }
    }

    /// <summary>Node one journals the submit, holds the venue call and dies with it.</summary>
    private async Task<string> CrashAfterSubmitRequested(string signalId, OrderActorSettings settings, string gateId)
    {
        var held = new HeldSubmitVenue(_venue);
        var node = await ExecutionNode.StartAsync(_db, held, settings, GateSettings(gateId));
        var id = Send(node.Admission, RestingSignal(signalId));
        await AwaitStateAsync(node, id, S.Submitting);
        AwaitCondition(() => held.Held == 1, Wait);
        await node.CrashAsync();
        return id;
    }

    private async Task AssertAuditClean(string executionId, bool requireTerminal)
    {
        var events = await JournalOf(executionId);
        var timeline = events.Select(e => new AuditedEvent(e.SequenceNr, ((OrderJournalEvent)e.Event).AtMs, ((OrderJournalEvent)e.Event).ToDomain())).ToList();
        var report = OrderAuditor.Audit(executionId, timeline, FeeSchedule.SportsGame, requireTerminal);
        Assert.True(report.IsClean, string.Join("; ", report.Violations.Select(v => $"{v.Kind}: {v.Detail}")));
    }

    [Fact]
    public void An_order_whose_horizon_passes_while_the_gate_is_silent_expires_and_never_reaches_the_venue()
    {
        var venue = new FakeVenue();
        var gate = CreateTestProbe();
        var settings = Fast(p => p with { MaxSignalAge = TimeSpan.FromMilliseconds(500), RiskTimeout = TimeSpan.FromSeconds(10) });
        var order = Order("ex-silent-horizon", gate, venue, settings);
        Assert.False(StateNow(order, "ex-silent-horizon").Exists); // recovered (empty): the journal is warm
        order.Tell(new PlaceOrder("ex-silent-horizon", Signal("s-silent-horizon")));
        Assert.Equal(S.Created, ExpectMsg<OrderPlaced>(Wait).State);
        var ahead = gate.ExpectMsg<ReserveAhead>(Wait);

        var expired = AwaitOrder(order, "ex-silent-horizon", S.Expired);

        Assert.Equal(OrderExpiryReason.HorizonPassedBeforeSubmit, expired.ExpiryReason);
        Assert.Equal("ex-silent-horizon", gate.ExpectMsg<ReportOrderTerminal>(Wait).ExecutionId); // a late approval is released
        // The gate answers at last: too late, nothing is sent.
        gate.Reply(new ReservationApproved(new Reservation("ex-silent-horizon", "T1", OutcomeSide.Yes, Price.FromCents(50),
            Quantity.FromContracts(10), Money.FromDollars(6), IsReducing: false, DateTimeOffset.UtcNow), ahead.Attempt));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, venue.SubmitCount);
        Assert.Equal(S.Expired, StateNow(order, "ex-silent-horizon").State);
    }

    [Fact]
    public async Task Crash_after_submit_requested_and_restart_after_the_horizon_never_reaches_the_exchange()
    {
        var settings = Horizon(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var id = await CrashAfterSubmitRequested("s-crash-late", settings, "gate-crash-late");
        // Down for longer than the horizon.
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        await using var node = await ExecutionNode.StartAsync(_db, _venue, settings, GateSettings("gate-crash-late"));
        // Recovered by its shard with no message; the venue has not seen it and it is past its horizon: expired.
        var expired = await AwaitStateAsync(node, id, S.Expired);

        Assert.Equal(OrderExpiryReason.HorizonPassedNeverSeen, expired.ExpiryReason);
        Assert.Equal(0, OrdersAtExchange(id));
        var deadline = DateTime.UtcNow + Wait;
        while ((await node.GateAsync()).Reservations.Count != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the reservation was not released");
            await Task.Delay(50);
        }
        await AssertAuditClean(id, requireTerminal: true);
    }

    [Fact]
    public async Task Crash_after_submit_requested_and_restart_inside_the_horizon_sends_exactly_one_order()
    {
        var settings = Horizon(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2));
        var id = await CrashAfterSubmitRequested("s-crash-early", settings, "gate-crash-early");
        Assert.Equal(0, OrdersAtExchange(id));

        await using var node = await ExecutionNode.StartAsync(_db, _venue, settings, GateSettings("gate-crash-early"));
        var resting = await AwaitStateAsync(node, id, S.Resting);

        Assert.Equal(1, OrdersAtExchange(id));
        Assert.NotNull(resting.ExchangeOrderId);
        var journal = (await JournalOf(id)).Select(e => e.Event.GetType().Name).ToArray();
        Assert.Equal(["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderSubmitRequestedEvent", "OrderSubmitRetriedEvent", "OrderAcknowledgedEvent"], journal);
        await AssertAuditClean(id, requireTerminal: false);
    }
}
