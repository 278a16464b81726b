using Akka.Actor;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Venues;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>Shutdown drain of the order desk: no new orders, and with CancelResting the answer waits for the venue.</summary>
public sealed class OrderSupervisorDrainSpec : ExecutionSpec
{
    public OrderSupervisorDrainSpec() : base(new TestDatabase(), "order-supervisor-drain-spec")
    {
    }

    private IActorRef Desk(IActorRef gate, FakeVenue venue, string index) =>
        Sys.ActorOf(OrderSupervisor.Props(gate, venue, new OrderSupervisorSettings { Order = FastSettings, IndexPersistenceId = index }));

    private string PlaceResting(IActorRef desk, string signalId, string ticker)
    {
        desk.Tell(Signal(signalId, ticker: ticker));
        var id = ExpectMsg<OrderPlaced>(Wait).ExecutionId;
        AwaitOrder(desk, id, S.Resting);
        return id;
    }

    /// <summary>One look at the order, no waiting: what it is right now.</summary>
    private OrderStateView StateNow(IActorRef desk, string executionId)
    {
        var probe = CreateTestProbe();
        desk.Tell(new GetOrderState(executionId), probe);
        return probe.ExpectMsg<OrderStateView>(Wait);
    }

    [Fact]
    public void Drain_with_cancel_answers_only_after_the_venue_confirmed_every_cancel()
    {
        // The venue acknowledges the cancel but keeps reporting the orders resting for a few lookups.
        var venue = new FakeVenue { CancelStillRestingLookups = 4 };
        var desk = Desk(Gate("gate-drain-cancel"), venue, "index-drain-cancel");
        var a = PlaceResting(desk, "sig-d1", "T1");
        var b = PlaceResting(desk, "sig-d2", "T2");
        var lookupsBefore = venue.LookupCount;

        desk.Tell(new DrainOrders(CancelResting: true));
        var drained = ExpectMsg<OrdersDrained>(Wait);

        Assert.Equal(0, drained.StillOpen);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(a)!.Status);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(b)!.Status);
        Assert.True(venue.LookupCount >= lookupsBefore + 2 * 5, "each cancel was polled until the venue showed it final");
        Assert.Equal(2, venue.CancelCount);
        Assert.Equal(S.Canceled, StateNow(desk, a).State);
        Assert.Equal(S.Canceled, StateNow(desk, b).State);
    }

    [Fact]
    public void Drain_without_cancel_answers_at_once_and_leaves_orders_resting()
    {
        var venue = new FakeVenue();
        var desk = Desk(Gate("gate-drain-keep"), venue, "index-drain-keep");
        var id = PlaceResting(desk, "sig-k1", "T1");

        // The order never finishes on its own, so any answer at all is one that did not wait for it.
        desk.Tell(new DrainOrders(CancelResting: false));
        Assert.Equal(1, ExpectMsg<OrdersDrained>(Wait).StillOpen);

        // The query travels behind anything the desk sent the order while draining: a cancel would show here.
        Assert.Equal(S.Resting, StateNow(desk, id).State);
        Assert.Equal(0, venue.CancelCount);
        Assert.Equal(VenueOrderStatus.Resting, venue.Order(id)!.Status);
    }

    [Fact]
    public void After_a_drain_new_orders_are_refused()
    {
        var venue = new FakeVenue();
        var desk = Desk(Gate("gate-drain-refuse"), venue, "index-drain-refuse");
        PlaceResting(desk, "sig-r1", "T1");
        desk.Tell(new DrainOrders(CancelResting: false));
        ExpectMsg<OrdersDrained>(Wait);

        desk.Tell(Signal("sig-r2", ticker: "T2"));
        var refused = ExpectMsg<OrderNotPlaced>(Wait);
        Assert.Equal(ExecutionIds.FromSignal("sig-r2"), refused.ExecutionId);
        Assert.Equal("node shutting down", refused.Reason);

        var place = new PlaceOrder(ExecutionIds.FromSignal("sig-r3"), Signal("sig-r3", ticker: "T3"));
        desk.Tell(place);
        Assert.Equal(new OrderNotPlaced(place.ExecutionId, "node shutting down"), ExpectMsg<OrderNotPlaced>(Wait));

        Assert.Equal(1, venue.SubmitCount);
        Assert.False(StateNow(desk, ExecutionIds.FromSignal("sig-r2")).Exists);
    }

    [Fact]
    public void Drain_with_no_orders_answers_at_once()
    {
        var desk = Desk(Gate("gate-drain-empty"), new FakeVenue(), "index-drain-empty");

        desk.Tell(new DrainOrders(CancelResting: true));

        // Nothing to cancel: nothing to wait for (no venue activity can release it).
        Assert.Equal(0, ExpectMsg<OrdersDrained>(Wait).StillOpen);
    }

    [Fact]
    public void Orders_needing_attention_do_not_hold_the_drain_back_and_are_not_canceled()
    {
        // Submit fails before the venue saw it and every lookup fails: the order ends up needing a person.
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.FailBeforeCreate, LookupsFail = true };
        var desk = Desk(Gate("gate-drain-attention"), venue, "index-drain-attention");
        desk.Tell(Signal("sig-a1", ticker: "T1"));
        var id = ExpectMsg<OrderPlaced>(Wait).ExecutionId;
        AwaitOrder(desk, id, S.NeedsAttention);

        desk.Tell(new DrainOrders(CancelResting: true));

        Assert.Equal(1, ExpectMsg<OrdersDrained>(Wait).StillOpen);
        // Still listed for a person, not hidden as "cancel requested".
        AwaitOrder(desk, id, S.NeedsAttention);
    }
}
