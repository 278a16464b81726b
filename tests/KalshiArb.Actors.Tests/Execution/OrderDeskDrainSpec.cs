using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// Shutdown drain of the order desk: with CancelResting the answer waits for the venue. (That a node shutting down
/// takes no new orders is in <see cref="OrderRegionSpec"/>: it needs a real coordinated shutdown.)
/// </summary>
public sealed class OrderDeskDrainSpec : ExecutionSpec
{
    public OrderDeskDrainSpec() : base(new TestDatabase(), "order-desk-drain-spec")
    {
    }

    private (IActorRef Region, IActorRef Desk, IActorRef Admission) Node(string gateId, FakeVenue venue) => Desk(Gate(gateId), venue);

    private string PlaceResting((IActorRef Region, IActorRef Desk, IActorRef Admission) node, string signalId, string ticker)
    {
        var id = Send(node.Admission, Signal(signalId, ticker: ticker));
        AwaitOrder(node.Region, id, S.Resting);
        AwaitStatus(node.Desk, s => Assert.Contains(s.Open, n => n.ExecutionId == id));
        return id;
    }

    [Fact]
    public void Drain_with_cancel_answers_only_after_the_venue_confirmed_every_cancel()
    {
        // The venue acknowledges the cancel but keeps reporting the orders resting for a few lookups.
        var venue = new FakeVenue { CancelStillRestingLookups = 4 };
        var node = Node("gate-drain-cancel", venue);
        var a = PlaceResting(node, "sig-d1", "T1");
        var b = PlaceResting(node, "sig-d2", "T2");
        var lookupsBefore = venue.LookupCount;

        node.Desk.Tell(new DrainOrders(CancelResting: true));
        var drained = ExpectMsg<OrdersDrained>(Wait);

        Assert.Equal(0, drained.StillOpen);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(a)!.Status);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(b)!.Status);
        Assert.True(venue.LookupCount >= lookupsBefore + 2 * 5, "each cancel was polled until the venue showed it final");
        Assert.Equal(2, venue.CancelCount);
        Assert.Equal(S.Canceled, StateNow(node.Region, a).State);
        Assert.Equal(S.Canceled, StateNow(node.Region, b).State);
    }

    [Fact]
    public void Drain_without_cancel_answers_at_once_and_leaves_orders_resting()
    {
        var venue = new FakeVenue();
        var node = Node("gate-drain-keep", venue);
        var id = PlaceResting(node, "sig-k1", "T1");

        // The order never finishes on its own, so any answer at all is one that did not wait for it.
        node.Desk.Tell(new DrainOrders(CancelResting: false));
        Assert.Equal(1, ExpectMsg<OrdersDrained>(Wait).StillOpen);

        // The query travels behind anything the desk sent the order while draining: a cancel would show here.
        Assert.Equal(S.Resting, StateNow(node.Region, id).State);
        Assert.Equal(0, venue.CancelCount);
        Assert.Equal(VenueOrderStatus.Resting, venue.Order(id)!.Status);
    }

    [Fact]
    public void Drain_with_no_orders_answers_at_once()
    {
        var node = Node("gate-drain-empty", new FakeVenue());

        node.Desk.Tell(new DrainOrders(CancelResting: true));

        // Nothing to cancel: nothing to wait for (no venue activity can release it).
        Assert.Equal(0, ExpectMsg<OrdersDrained>(Wait).StillOpen);
    }

    [Fact]
    public void Orders_needing_attention_do_not_hold_the_drain_back_and_are_not_canceled()
    {
        // Submit fails before the venue saw it and every lookup fails: the order ends up needing a person.
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.FailBeforeCreate, LookupsFail = true };
        var node = Node("gate-drain-attention", venue);
        var id = Send(node.Admission, Signal("sig-a1", ticker: "T1"));
        AwaitOrder(node.Region, id, S.NeedsAttention);
        AwaitStatus(node.Desk, s => Assert.Single(s.NeedsAttention));

        node.Desk.Tell(new DrainOrders(CancelResting: true));

        Assert.Equal(1, ExpectMsg<OrdersDrained>(Wait).StillOpen);
        // Still listed for a person, not hidden as "cancel requested".
        AwaitOrder(node.Region, id, S.NeedsAttention);
    }
}
