using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

public sealed class OrderJournalReplaySpec : ExecutionSpec
{
    public OrderJournalReplaySpec() : base(new TestDatabase(), "order-replay-spec")
    {
    }

    [Fact]
    public async Task Events_read_back_through_the_sql_read_journal_rebuild_the_same_order()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-replay");
        var order = Place("ex-replay", gate, venue, Signal("s-replay"));
        AwaitOrder(order, "ex-replay", S.Resting);
        venue.Fill("ex-replay", 3, 49, "t-1");
        venue.Fill("ex-replay", 2, 50, "t-2");
        AwaitOrder(order, "ex-replay", S.PartiallyFilled);
        order.Tell(new CancelOrder("ex-replay", "test"));
        var live = AwaitOrder(order, "ex-replay", S.Canceled);

        var other = Place("ex-other", gate, venue, Signal("s-other", ticker: "T2"));
        AwaitOrder(other, "ex-other", S.Resting);

        var byId = await JournalOf("ex-replay");
        var byTag = await ReadJournal.CurrentEventsByTag(OrderJournalEvent.Tag, Offset.NoOffset())
            .RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());

        Assert.Equal(live.SequenceNr, byId.Count);
        Assert.Equal(byId.Select(e => e.SequenceNr), Enumerable.Range(1, byId.Count).Select(i => (long)i));
        var fromId = ExecutionOrderMachine.Replay(byId.Select(e => ((OrderJournalEvent)e.Event).ToDomain()), out var idErrors);
        Assert.Equal(0, idErrors);

        var tagged = byTag.Where(e => e.PersistenceId == OrderActor.PersistenceIdFor("ex-replay")).OrderBy(e => e.SequenceNr).ToArray();
        Assert.Equal(byId.Select(e => e.Event), tagged.Select(e => e.Event));
        Assert.Contains(byTag, e => e.PersistenceId == OrderActor.PersistenceIdFor("ex-other"));
        Assert.DoesNotContain(byTag, e => e.PersistenceId.StartsWith("gate-", StringComparison.Ordinal));
        var fromTag = ExecutionOrderMachine.Replay(tagged.Select(e => ((OrderJournalEvent)e.Event).ToDomain()), out var tagErrors);
        Assert.Equal(0, tagErrors);

        Assert.Equal(fromId, fromTag);
        Assert.NotNull(fromId);
        Assert.Equal(S.Canceled, fromId.State);
        Assert.Equal(live.ExchangeOrderId, fromId.ExchangeOrderId);
        Assert.Equal(Quantity.FromContracts(5), fromId.FilledCount);
        Assert.Equal(live.Fills, fromId.Fills.ToArray());
        Assert.Equal(Quantity.FromContracts(5), fromId.VenueFinalFilledCount);
        Assert.Equal(
            ["OrderCreatedEvent", "OrderRiskApprovedEvent", "OrderSubmitRequestedEvent", "OrderAcknowledgedEvent",
             "OrderFillAppliedEvent", "OrderFillAppliedEvent", "OrderCancelRequestedEvent", "OrderCanceledEvent"],
            byId.Select(e => e.Event.GetType().Name));
    }
}
