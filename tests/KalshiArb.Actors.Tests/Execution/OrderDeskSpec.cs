using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>Signals through the admission into the order region, the desk routing the venue's reports and watching the orders.</summary>
public sealed class OrderDeskSpec : ExecutionSpec
{
    public OrderDeskSpec() : base(new TestDatabase(), "order-desk-spec")
    {
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
        var (region, desk, admission) = Desk(Gate("gate-desk-idem"), venue);

        var id = Send(admission, Signal("sig-a", "T1"));
        AwaitOrder(region, id, S.Resting);
        Assert.Equal(id, Send(admission, Signal("sig-a", "T1")));
        AwaitAssert(() => Assert.Equal(1, AdmissionNow(admission).Repeated), Wait);
        Assert.Equal(1, AdmissionNow(admission).Placed);
        Assert.Equal(1, venue.SubmitCount);

        var open = AwaitStatus(desk, s => Assert.Equal(S.Resting, Assert.Single(s.Open).State));
        Assert.Equal(1, open.TrackedCount);

        venue.Fill(id, 10, 50, "t-1");
        AwaitOrder(region, id, S.Filled);
        AwaitStatus(desk, s =>
        {
            Assert.Empty(s.Open);
            Assert.Equal(0, s.TrackedCount);
        });
    }

    [Fact]
    public void Fills_without_a_client_id_are_routed_by_exchange_order_id()
    {
        var venue = new FakeVenue();
        var (region, desk, admission) = Desk(Gate("gate-desk-exchange"), venue, deskSettings: new OrderDeskSettings { SubscribeToVenue = false });
        var id = Send(admission, Signal("sig-x", "T1"));
        AwaitOrder(region, id, S.Resting);
        AwaitStatus(desk, s => Assert.NotNull(Assert.Single(s.Open).ExchangeOrderId));

        var fill = venue.Fill(id, 3, 50, "t-1", push: false);
        desk.Tell(fill with { ClientOrderId = null });
        Assert.Equal(Quantity.FromContracts(3), AwaitOrder(region, id, S.PartiallyFilled).FilledCount);
    }

    [Fact]
    public void Halt_cancels_every_resting_order_and_the_admission_refuses_new_signals()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-desk-halt");
        var (region, desk, admission) = Desk(gate, venue);
        var a = Send(admission, Signal("sig-h1", "T1"));
        var b = Send(admission, Signal("sig-h2", "T2"));
        AwaitOrder(region, a, S.Resting);
        AwaitOrder(region, b, S.Resting);
        venue.Fill(b, 2, 50, "t-1");
        AwaitOrder(region, b, S.PartiallyFilled);

        gate.Tell(new HaltTrading("operator"));
        ExpectMsg<KillSwitchChanged>(Wait);

        AwaitOrder(region, a, S.Canceled);
        Assert.Equal(Quantity.FromContracts(2), AwaitOrder(region, b, S.Canceled).FilledCount);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(a)!.Status);
        Assert.Equal(VenueOrderStatus.Canceled, venue.Order(b)!.Status);
        AwaitGate(gate, g => Assert.Empty(g.Reservations));
        AwaitStatus(desk, s => Assert.Empty(s.Open));

        var refused = Send(admission, Signal("sig-h3", "T3"));
        AwaitAssert(() => Assert.Equal(1, AdmissionNow(admission).RefusedByReason.GetValueOrDefault(nameof(AdmissionRefusal.Halted))), Wait);
        Assert.False(StateNow(region, refused).Exists);
        Assert.Equal(2, venue.SubmitCount);
    }

    [Fact]
    public void A_signal_past_its_horizon_is_refused_at_the_door()
    {
        var venue = new FakeVenue();
        var (region, _, admission) = Desk(Gate("gate-desk-old"), venue, Fast(p => p with { MaxSignalAge = TimeSpan.FromSeconds(2) }));

        var id = Send(admission, Signal("sig-old", "T1", ageMs: 5_000));

        AwaitAssert(() => Assert.Equal(1, AdmissionNow(admission).RefusedByReason.GetValueOrDefault(nameof(AdmissionRefusal.SignalTooOld))), Wait);
        // the refusal is also counted against the signal's strategy (the consensus one by default)
        Assert.Equal(1, AdmissionNow(admission).RefusedByStrategy[KalshiArb.Domain.Detection.StrategyIds.ConsensusEdge][nameof(AdmissionRefusal.SignalTooOld)]);
        Assert.False(StateNow(region, id).Exists);
        Assert.Equal(0, venue.SubmitCount);
    }

    [Fact]
    public void Orders_needing_attention_are_listed_apart()
    {
        var venue = new FakeVenue { NextSubmitFault = SubmitFault.FailBeforeCreate, LookupsFail = true };
        var (_, desk, admission) = Desk(Gate("gate-desk-attention"), venue);
        var id = Send(admission, Signal("sig-att", "T1"));

        var status = AwaitStatus(desk, s => Assert.Equal(id, Assert.Single(s.NeedsAttention).ExecutionId));
        Assert.Empty(status.Open);
        Assert.NotNull(status.NeedsAttention[0].AttentionReason);
    }
}
