using Akka.Persistence;
using Akka.Persistence.TestKit;
using KalshiArb.Actors.Tests.Risk;
using KalshiArb.Domain.Orders.Lifecycle;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// Orders over a journal that is slow or refuses writes on command (Akka.Persistence.TestKit's TestJournal): a submit
/// whose write lands after the horizon is never sent, and an order whose write fails comes back from what is durable.
/// </summary>
public sealed class OrderJournalFaultSpec : ExecutionSpec
{
    private static readonly Config TestJournalConfig = ConfigurationFactory.ParseString("""
        akka.persistence {
          journal {
            plugin = "akka.persistence.journal.test"
            test { class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit", plugin-dispatcher = "akka.actor.default-dispatcher" }
          }
          snapshot-store {
            plugin = "akka.persistence.snapshot-store.test"
            test { class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit", plugin-dispatcher = "akka.actor.default-dispatcher" }
          }
        }
        """).WithFallback(SerializationConfig.Create()).WithFallback(HoconFiles.Load("base.conf"));

    public OrderJournalFaultSpec() : base(new TestDatabase(), "order-journal-fault-spec", TestJournalConfig)
    {
    }

    private ITestJournal Journal => TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));

    private static OrderActorSettings Settings(TimeSpan horizon) => Fast(p => p with { MaxSignalAge = horizon });

    /// <summary>Holds every write that carries a SubmitRequested for a while: a journal stalling at the worst moment.</summary>
    private sealed class SlowSubmitWrites(TimeSpan delay) : IJournalInterceptor
    {
        public async Task InterceptAsync(IPersistentRepresentation message)
        {
            if (message.Payload is OrderSubmitRequestedEvent) await Task.Delay(delay);
        }
    }

    [Fact]
    public async Task A_submit_whose_write_lands_after_the_horizon_is_expired_and_never_sent()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-slow-write");
        var region = Order("ex-slow-write", gate, venue, Settings(TimeSpan.FromMilliseconds(600)));
        Assert.False(StateNow(region, "ex-slow-write").Exists);
        await Journal.OnWrite.SetInterceptorAsync(new SlowSubmitWrites(TimeSpan.FromMilliseconds(1_500)));

        region.Tell(new PlaceOrder("ex-slow-write", Signal("s-slow-write")), TestActor);
        ExpectMsg<OrderPlaced>(Wait);

        var expired = AwaitOrder(region, "ex-slow-write", S.Expired);
        Assert.Equal(OrderExpiryReason.HorizonPassedInJournal, expired.ExpiryReason);
        Assert.Equal(0, venue.SubmitCount);
        await Journal.OnWrite.Pass();
        AwaitGate(gate, g => Assert.Empty(g.Reservations));
    }

    [Fact]
    public async Task An_order_whose_journal_write_fails_comes_back_from_what_is_durable_and_submits_once()
    {
        var venue = new FakeVenue();
        var gate = Gate("gate-failed-write");
        var region = Order("ex-failed-write", gate, venue, Settings(TimeSpan.FromSeconds(20)));
        // The approval + submit write fails (disk full) until the test heals the journal.
        var healed = false;
        await Journal.OnWrite.FailIf(rep => !Volatile.Read(ref healed) && rep.Payload is OrderRiskApprovedEvent or OrderSubmitRequestedEvent);

        region.Tell(new PlaceOrder("ex-failed-write", Signal("s-failed-write")), TestActor);
        ExpectMsg<OrderPlaced>(Wait);

        // Stopped on the failure and started again by its region: it is back in Created, asking the gate, and every
        // write of the approval fails, so nothing reaches the venue.
        ExpectNoMsg(TimeSpan.FromMilliseconds(800));
        var created = AwaitOrder(region, "ex-failed-write", S.Created);
        Assert.Equal(1, created.SequenceNr); // only OrderCreated is durable: never half of the approval write
        Assert.Equal(0, venue.SubmitCount);

        Volatile.Write(ref healed, true);
        var resting = AwaitOrder(region, "ex-failed-write", S.Resting);
        Assert.Equal(4, resting.SequenceNr); // Created, RiskApproved, SubmitRequested, Acknowledged
        Assert.Equal(1, venue.SubmitCount);
        Assert.Equal(1, venue.OrderCount);
    }
}
