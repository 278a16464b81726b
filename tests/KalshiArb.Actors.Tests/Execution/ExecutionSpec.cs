using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Tests.Risk;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>TestKit over a throwaway SQLite journal, with the order/gate plumbing the execution specs share.</summary>
public abstract class ExecutionSpec : JournalTestKit
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    protected ExecutionSpec(TestDatabase db, string systemName) : base(db, systemName)
    {
    }

    protected ManualClock Clock { get; } = new();


    protected static OrderActorSettings FastSettings => new()
    {
        RiskTimeout = TimeSpan.FromSeconds(5),
        VenueCallTimeout = TimeSpan.FromSeconds(5),
        CancelAfter = TimeSpan.FromMinutes(5),
        PollInterval = TimeSpan.FromMilliseconds(50),
        ReconcileRetryInterval = TimeSpan.FromMilliseconds(50),
        MaxReconcileAttempts = 3,
    };

    protected static TradeSignal Signal(string signalId, string ticker = "T1", int contracts = 10, int cents = 50) =>
        new(signalId, ticker, OutcomeSide.Yes, Price.FromCents(cents), Quantity.FromContracts(contracts), 0.6, 0.05, 0.9, "test", 1_700_000_000_000);

    protected SqlReadJournal ReadJournal => PersistenceQuery.Get(Sys).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);

    /// <summary>One order's events as the SQL read journal returns them (what `audit` reads).</summary>
    protected Task<IImmutableList<EventEnvelope>> JournalOf(string executionId) =>
        ReadJournal.CurrentEventsByPersistenceId(OrderActor.PersistenceIdFor(executionId), 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());

    protected IActorRef Gate(string persistenceId, long balanceDollars = 1_000) =>
        Sys.ActorOf(RiskGateActor.Props(RiskTestData.Settings(Clock, balanceDollars: balanceDollars, persistenceId: persistenceId)));

    protected IActorRef Order(string executionId, IActorRef gate, FakeVenue venue, OrderActorSettings? settings = null, IActorRef? owner = null)
    {
        var order = Sys.ActorOf(OrderActor.Props(executionId, gate, venue, settings ?? FastSettings, owner));
        venue.Subscribe(new ActorVenueListener(order));
        return order;
    }

    protected IActorRef Place(string executionId, IActorRef gate, FakeVenue venue, TradeSignal signal, OrderActorSettings? settings = null)
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

    protected long SnapshotCount(string persistenceId)
    {
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM snapshot WHERE persistence_id = $id";
        cmd.Parameters.AddWithValue("$id", persistenceId);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    protected void StopAndWait(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor, Wait);
    }

}
