using Akka.Actor;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Tests.Execution;

public sealed class OrderSupervisorSpec : ExecutionSpec
{
    public OrderSupervisorSpec() : base(new TestDatabase(), "order-supervisor-spec")
    {
    }

    private IActorRef Supervisor(IActorRef gate, FakeVenue venue, string index, string name = "orders") =>
        Sys.ActorOf(OrderSupervisor.Props(gate, venue, new OrderSupervisorSettings { Order = FastSettings, IndexPersistenceId = index }), name);

    private string Signal(IActorRef supervisor, string signalId, string ticker, bool expectNew = true)
    {
        supervisor.Tell(Signal(signalId, ticker: ticker));
        var placed = ExpectMsg<OrderPlaced>(Wait);
        Assert.Equal(expectNew, placed.IsNew);
        Assert.Equal(ExecutionIds.FromSignal(signalId), placed.ExecutionId);
        return placed.ExecutionId;
    }

    private ExecutionStatus AwaitStatus(IActorRef supervisor, Action<ExecutionStatus> check)
    {
        ExecutionStatus? last = null;
        AwaitAssert(() =>
        {
            var probe = CreateTestProbe();
            supervisor.Tell(GetExecutionStatus.Instance, probe);
            last = probe.ExpectMsg<ExecutionStatus>(Wait);
            check(last);
        }, Wait, TimeSpan.FromMilliseconds(50));
        return last!;
    }

    [Fact]
    public void Execution_ids_are_derived_from_signal_ids()
    {
        Assert.Equal(ExecutionIds.FromSignal("sig-1"), ExecutionIds.FromSignal("sig-1"));
        Assert.NotEqual(ExecutionIds.FromSignal("sig-1"), ExecutionIds.FromSignal("sig-2"));
        Assert.True(Guid.TryParse(ExecutionIds.FromSignal("sig-1"), out _));
    }

    [Fact]
    public void The_same_signal_twice_is_one_order_and_venue_fills_reach_it()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-sup-idem");
        var supervisor = Supervisor(gate, venue, "index-idem");

        var id = Signal(supervisor, "sig-a", "T1");
        AwaitOrder(supervisor, id, S.Resting);
        Assert.Equal(id, Signal(supervisor, "sig-a", "T1", expectNew: false));
        Assert.Equal(1, venue.SubmitCount);

        var open = AwaitStatus(supervisor, s => Assert.Equal(S.Resting, Assert.Single(s.Open).State));
        Assert.Equal(1, open.TrackedCount);

        venue.Fill(id, 10, 50, "t-1");
        AwaitOrder(supervisor, id, S.Filled);
        AwaitStatus(supervisor, s =>
        {
            Assert.Empty(s.Open);
            Assert.Equal(0, s.TrackedCount);
        });
    }

    [Fact]
    public void Fills_without_a_client_id_are_routed_by_exchange_order_id()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-sup-exchange");
        var supervisor = Supervisor(gate, venue, "index-exchange");
        var id = Signal(supervisor, "sig-x", "T1");
        AwaitOrder(supervisor, id, S.Resting);
        AwaitStatus(supervisor, s => Assert.NotNull(Assert.Single(s.Open).ExchangeOrderId));

        var fill = venue.Fill(id, 3, 50, "t-1", push: false);
        supervisor.Tell(fill with { ClientOrderId = null });
        Assert.Equal(Quantity.FromContracts(3), AwaitOrder(supervisor, id, S.PartiallyFilled).FilledCount);
    }

    [Fact]
    public void Halt_cancels_every_resting_order()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-sup-halt");
        var supervisor = Supervisor(gate, venue, "index-halt");
        var a = Signal(supervisor, "sig-h1", "T1");
        var b = Signal(supervisor, "sig-h2", "T2");
        AwaitOrder(supervisor, a, S.Resting);
        AwaitOrder(supervisor, b, S.Resting);
        venue.Fill(b, 2, 50, "t-1");
        AwaitOrder(supervisor, b, S.PartiallyFilled);

        gate.Tell(new HaltTrading("operator"));
        ExpectMsg<KillSwitchChanged>(Wait);

        AwaitOrder(supervisor, a, S.Canceled);
        Assert.Equal(Quantity.FromContracts(2), AwaitOrder(supervisor, b, S.Canceled).FilledCount);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(a)!.Status);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(b)!.Status);
        AwaitGate(gate, g => Assert.Empty(g.Reservations));
        AwaitStatus(supervisor, s => Assert.Empty(s.Open));

        supervisor.Tell(Signal("sig-h3", ticker: "T3"));
        ExpectMsg<OrderPlaced>(Wait);
        AwaitOrder(supervisor, ExecutionIds.FromSignal("sig-h3"), S.RiskDenied);
        Assert.Equal(2, venue.SubmitCount);
    }

    [Fact]
    public void After_a_restart_unfinished_orders_are_recreated_and_reconcile()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-sup-restart");
        var supervisor = Supervisor(gate, venue, "index-restart");
        var resting = Signal(supervisor, "sig-r1", "T1");
        var partial = Signal(supervisor, "sig-r2", "T2");
        var done = Signal(supervisor, "sig-r3", "T3");
        AwaitOrder(supervisor, resting, S.Resting);
        AwaitOrder(supervisor, partial, S.Resting);
        AwaitOrder(supervisor, done, S.Resting);
        venue.Fill(done, 10, 50, "t-done");
        AwaitOrder(supervisor, done, S.Filled);
        AwaitStatus(supervisor, s => Assert.Equal(2, s.TrackedCount));

        StopAndWait(supervisor);
        // While nobody watched, the venue filled part of one order.
        venue.Fill(partial, 4, 50, "t-offline", push: false);
        var lookupsBefore = venue.LookupCount;

        var revived = Supervisor(gate, venue, "index-restart");
        var status = AwaitStatus(revived, s =>
        {
            Assert.Equal(new[] { partial, resting }.Order(StringComparer.Ordinal), s.Open.Select(n => n.ExecutionId).Order(StringComparer.Ordinal));
            Assert.Equal(S.PartiallyFilled, s.Open.Single(n => n.ExecutionId == partial).State);
        });
        Assert.Equal(2, status.TrackedCount);
        Assert.True(venue.LookupCount >= lookupsBefore + 2, "each recreated order asks the venue");
        Assert.Equal(3, venue.SubmitCount);
        Assert.Equal(3, venue.OrderCount);

        // Fills pushed after the restart reach the recreated orders.
        venue.Fill(resting, 10, 50, "t-after");
        AwaitOrder(revived, resting, S.Filled);
        AwaitGate(gate, g => Assert.Equal(Quantity.FromContracts(4), g.Positions.Single(p => p.Ticker == "T2").Contracts));
    }

    [Fact]
    public void Orders_needing_attention_are_listed_apart()
    {
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.FailBeforeCreate, LookupsFail = true };
        var gate = Gate("gate-sup-attention");
        var supervisor = Supervisor(gate, venue, "index-attention");
        var id = Signal(supervisor, "sig-att", "T1");

        var status = AwaitStatus(supervisor, s => Assert.Equal(id, Assert.Single(s.NeedsAttention).ExecutionId));
        Assert.Empty(status.Open);
        Assert.NotNull(status.NeedsAttention[0].AttentionReason);
    }

    [Fact]
    public void An_unfinished_order_that_stops_is_recreated_after_a_backoff_and_reconciles()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-sup-backoff");
        var supervisor = Supervisor(gate, venue, "index-backoff", name: "orders-backoff");
        var id = Signal(supervisor, "sig-b", "T1");
        AwaitOrder(supervisor, id, S.Resting);
        var lookupsBefore = venue.LookupCount;

        Sys.ActorSelection($"/user/orders-backoff/order-{id}").Tell(PoisonPill.Instance);

        AwaitAssert(() => Assert.True(venue.LookupCount > lookupsBefore, "the recreated order reconciles"), Wait);
        venue.Fill(id, 10, 50, "t-1");
        AwaitOrder(supervisor, id, S.Filled);
        Assert.Equal(1, venue.SubmitCount);
    }
}
