namespace KalshiArb.Actors.Tests.Execution;

public sealed class OrderMessageExtractorSpec
{
    private const string ExecutionId = "0f7c2c4e-1d1b-5a9e-8c3d-2b6a9e4f1a7c";
    private readonly OrderMessageExtractor _extractor = new(50);

    private static TradeSignal Signal(string signalId) =>
        new(signalId, "T1", OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(10), 0.6, 0.05, 0.9, "test", 1_700_000_000_000);

    private static VenueFill Fill(string? clientOrderId) =>
        new("t-1", "x-1", clientOrderId, "T1", OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(2), Money.FromCents(1), false, 1_700_000_000_000);

    private static VenueOrderUpdate Update(string clientOrderId) =>
        new(new VenueOrderState("x-1", clientOrderId, "T1", OutcomeSide.Yes, Price.FromCents(50), VenueOrderStatus.Canceled,
            Quantity.FromContracts(10), Quantity.Zero, Quantity.Zero), 1_700_000_000_000);

    [Fact]
    public void A_bare_signal_has_no_entity_orders_enter_through_the_admission()
    {
        Assert.Null(_extractor.EntityId(Signal("sig-1")));
    }

    [Fact]
    public void The_same_signal_always_lands_on_the_same_entity_and_shard()
    {
        var first = ExecutionIds.FromSignal("sig-repeat");
        var place = new PlaceOrder(first, Signal("sig-repeat"));
        var again = new PlaceOrder(ExecutionIds.FromSignal("sig-repeat"), Signal("sig-repeat") with { CreatedAtMs = 1_800_000_000_000, Count = Quantity.FromContracts(3) });

        Assert.Equal(_extractor.EntityId(place), _extractor.EntityId(again));
        Assert.NotEqual(first, ExecutionIds.FromSignal("sig-other"));
        Assert.Equal(_extractor.ShardId(first, place), _extractor.ShardId(first, new GetOrderState(first)));
    }

    [Fact]
    public void Order_messages_are_routed_by_execution_id_and_passed_unchanged()
    {
        IOrderMessage[] messages =
        [
            new PlaceOrder(ExecutionId, Signal("sig-2")),
            new CancelOrder(ExecutionId, "operator"),
            new SettleOrder(ExecutionId, OutcomeSide.Yes, Money.FromCents(1000)),
            new GetOrderState(ExecutionId),
        ];
        foreach (var m in messages)
        {
            Assert.Equal(ExecutionId, _extractor.EntityId(m));
            Assert.Same(m, _extractor.EntityMessage(m));
        }
    }

    [Fact]
    public void Venue_reports_are_routed_by_client_order_id_and_passed_unchanged()
    {
        var fill = Fill(ExecutionId);
        var update = Update(ExecutionId);

        Assert.Equal(ExecutionId, _extractor.EntityId(fill));
        Assert.Same(fill, _extractor.EntityMessage(fill));
        Assert.Equal(ExecutionId, _extractor.EntityId(update));
        Assert.Same(update, _extractor.EntityMessage(update));
    }

    [Fact]
    public void Venue_reports_without_a_client_order_id_have_no_entity()
    {
        Assert.Null(_extractor.EntityId(Fill(null)));
        Assert.Null(_extractor.EntityId(Fill("")));
        Assert.Null(_extractor.EntityId(Update("")));
    }

    [Fact]
    public void Unrelated_messages_have_no_entity()
    {
        Assert.Null(_extractor.EntityId("not an order message"));
        Assert.Null(_extractor.EntityId(GetExecutionStatus.Instance));
        Assert.Null(_extractor.EntityId(new DrainOrders(CancelResting: true)));
    }

    [Fact]
    public void Shard_ids_stay_within_the_configured_count()
    {
        for (var i = 0; i < 200; i++)
        {
            var id = ExecutionIds.FromSignal("sig-" + i);
            var shard = int.Parse(_extractor.ShardId(id, new GetOrderState(id)), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(shard, 0, 49);
        }
    }
}
