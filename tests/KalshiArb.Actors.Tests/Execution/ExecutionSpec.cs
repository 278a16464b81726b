using System.Collections.Immutable;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using KalshiArb.Actors.Tests.Risk;
using KalshiArb.Domain.Orders.Lifecycle;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>TestKit over a throwaway SQLite journal, with the order/gate plumbing the execution specs share.</summary>
public abstract class ExecutionSpec : JournalTestKit
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    protected ExecutionSpec(TestDatabase db, string systemName, Akka.Configuration.Config? config = null) : base(db, systemName, config)
    {
    }

    protected ManualClock Clock { get; } = new();


    /// <summary>Short timings for specs; a long horizon, so only the horizon specs see orders expire.</summary>
    protected static OrderPolicy FastPolicy => new()
    {
        MaxSignalAge = TimeSpan.FromSeconds(30),
        RiskTimeout = TimeSpan.FromSeconds(5),
        VenueCallTimeout = TimeSpan.FromSeconds(5),
        InFlightGrace = TimeSpan.FromMilliseconds(500),
        CancelAfter = TimeSpan.FromMinutes(5),
        PollInterval = TimeSpan.FromMilliseconds(50),
        ReconcileRetryInterval = TimeSpan.FromMilliseconds(50),
        MaxReconcileAttempts = 3,
    };

    protected static OrderActorSettings FastSettings => new() { Policy = FastPolicy };

    protected static OrderActorSettings Fast(Func<OrderPolicy, OrderPolicy> change) => new() { Policy = change(FastPolicy) };

    /// <summary>A signal decided now (or <paramref name="ageMs"/> ago).</summary>
    protected static TradeSignal Signal(string signalId, string ticker = "T1", int contracts = 10, int cents = 50, long ageMs = 0) =>
        new(signalId, ticker, OutcomeSide.Yes, Price.FromCents(cents), Quantity.FromContracts(contracts), 0.6, 0.05, 0.9, "test",
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ageMs);

    protected SqlReadJournal ReadJournal => PersistenceQuery.Get(Sys).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);

    /// <summary>One order's events as the SQL read journal returns them (what `audit` reads).</summary>
    protected Task<IImmutableList<EventEnvelope>> JournalOf(string executionId) =>
        ReadJournal.CurrentEventsByPersistenceId(OrderActor.PersistenceIdFor(executionId), 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());

    protected IActorRef Gate(string persistenceId, long balanceDollars = 1_000) =>
        Sys.ActorOf(RiskGateSupervisor.Props(RiskTestData.Settings(Clock, balanceDollars: balanceDollars, persistenceId: persistenceId)));

    /// <summary>
    /// The order <paramref name="executionId"/> as an entity of a stand-in "order" region (the production extractor;
    /// remembered: an entity that stops on its own comes back). Started at once, as a region starts a remembered
    /// entity; the venue's pushes reach it through the region. Every message to the returned ref names the order.
    /// </summary>
    protected IActorRef Order(string executionId, IActorRef gate, IVenue venue, OrderActorSettings? settings = null, IActorRef? desk = null)
    {
        var region = Sys.ActorOf(ShardStandIn.Props(new OrderMessageExtractor(),
            id => OrderActor.Props(id, gate, venue, settings ?? FastSettings, desk ?? ActorRefs.Nobody), TimeSpan.FromMilliseconds(200)));
        region.Tell(new ShardStandIn.StartEntity(executionId));
        venue.Subscribe(new ActorVenueListener(region));
        return region;
    }

    /// <summary>
    /// An execution node's order side in this test system: a stand-in "order" region (production extractor), its desk
    /// (subscribed to the venue) and the admission signals enter through.
    /// </summary>
    protected (IActorRef Region, IActorRef Desk, IActorRef Admission) Desk(IActorRef gate, IVenue venue, OrderActorSettings? settings = null,
        OrderDeskSettings? deskSettings = null)
    {
        var deskName = "orders-" + Guid.NewGuid().ToString("N");
        var deskPath = Sys.ActorSelection("/user/" + deskName);
        var region = Sys.ActorOf(ShardStandIn.Props(new OrderMessageExtractor(),
            id => OrderActor.Props(id, gate, venue, settings ?? FastSettings, deskPath), TimeSpan.FromMilliseconds(200)));
        var desk = Sys.ActorOf(OrderDesk.Props(gate, venue, region, deskSettings), deskName);
        var admission = Sys.ActorOf(OrderAdmission.Props(region, gate,
            new OrderAdmissionSettings { MaxSignalAge = (settings ?? FastSettings).Policy.MaxSignalAge }));
        return (region, desk, admission);
    }

    /// <summary>Sends the signal through the admission; returns the execution id its order has.</summary>
    protected static string Send(IActorRef admission, TradeSignal signal)
    {
        admission.Tell(signal, ActorRefs.NoSender);
        return ExecutionIds.FromSignal(signal.SignalId);
    }

    protected ExecutionStatus AwaitStatus(IActorRef desk, Action<ExecutionStatus> check)
    {
        ExecutionStatus? last = null;
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe();
            desk.Tell(GetExecutionStatus.Instance, probe);
            last = probe.ExpectMsg<ExecutionStatus>(Wait);
            check(last);
        }, Wait, TimeSpan.FromMilliseconds(50));
        return last!;
    }

    protected AdmissionStatus AdmissionNow(IActorRef admission)
    {
        var probe = CreateTestProbe();
        admission.Tell(GetAdmissionStatus.Instance, probe);
        return probe.ExpectMsg<AdmissionStatus>(Wait);
    }

    protected IActorRef Place(string executionId, IActorRef gate, IVenue venue, TradeSignal signal, OrderActorSettings? settings = null)
    {
        var order = Order(executionId, gate, venue, settings);
        order.Tell(new PlaceOrder(executionId, signal));
        Assert.True(ExpectMsg<OrderPlaced>(Wait).IsNew);
        return order;
    }

    protected OrderStateView AwaitOrder(IActorRef order, string executionId, ExecutionOrderState state)
    {
        OrderStateView? last = null;
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe();
            order.Tell(new GetOrderState(executionId), probe);
            last = probe.ExpectMsg<OrderStateView>(Wait);
            Assert.Equal(state, last.State);
        }, Wait, TimeSpan.FromMilliseconds(50));
        return last!;
    }

    /// <summary>One look at the order, no waiting: what it is right now.</summary>
    protected OrderStateView StateNow(IActorRef region, string executionId)
    {
        var probe = CreateTestProbe();
        region.Tell(new GetOrderState(executionId), probe);
        return probe.ExpectMsg<OrderStateView>(Wait);
    }

    protected RiskStateView AwaitGate(IActorRef gate, Action<RiskStateView> check)
    {
        RiskStateView? last = null;
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe();
            gate.Tell(GetRiskState.Instance, probe);
            last = probe.ExpectMsg<RiskStateView>(Wait);
            check(last);
        }, Wait, TimeSpan.FromMilliseconds(50));
        return last!;
    }


    /// <summary>Stops the order's region and the order with it, as a crash of its node would (nothing journaled on the way out).</summary>
    protected void StopAndWait(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor, Wait);
    }

}
