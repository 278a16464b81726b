using Akka.TestKit;
using KalshiArb.Actors.Tests.Market;
using KalshiArb.Actors.Tests.Venues.Paper;
using KalshiArb.Actors.Venues.Paper;
using KalshiArb.Adapters.Paper.Config;
using KalshiArb.Adapters.Paper.Execution;

namespace KalshiArb.Actors.Tests.Feed;

public sealed class MarketDataHubSpec : TestKit
{
    private const string A = "KXNBAGAME-26FEB07HOUOKC-OKC";
    private const string B = "KXNBAGAME-26FEB07HOUOKC-HOU";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static BookSnapshot Snapshot(string ticker, long seq) =>
        new(ticker, 1, seq, [new BookLevel(Price.FromCents(45), Quantity.FromContracts(10))], [new BookLevel(Price.FromCents(48), Quantity.FromContracts(5))]);

    private async Task<MarketDataHubState> State(IActorRef hub) => await hub.Ask<MarketDataHubState>(GetMarketDataHubState.Instance, Wait);

    /// <summary>A probe subscribed to the hub; it acknowledges each event it is asked to take with <see cref="Take{T}"/>.</summary>
    private TestProbe Consumer(IActorRef hub)
    {
        var probe = CreateTestProbe();
        probe.Send(hub, SubscribeMarketData.Instance);
        probe.ExpectMsg<MarketDataSubscribed>(Wait);
        return probe;
    }

    // events a probe received in a batch and the test has not taken yet
    private readonly Dictionary<TestProbe, Queue<FeedEvent>> _received = [];

    /// <summary>The consumer's next event, whether it came alone or in a <see cref="FeedEventBatch"/>; each message is acknowledged once taken.</summary>
    private T Take<T>(TestProbe consumer) where T : FeedEvent => Assert.IsType<T>(Next(consumer, acknowledge: true));

    private FeedEvent Next(TestProbe consumer, bool acknowledge)
    {
        if (!_received.TryGetValue(consumer, out var queue)) _received[consumer] = queue = new Queue<FeedEvent>();
        if (queue.Count > 0) return queue.Dequeue();
        var message = consumer.ExpectMsg<object>(Wait);
        switch (message)
        {
            case FeedEventBatch batch:
                Assert.True(batch.Count > 1, "a batch of one goes as its event");
                foreach (var e in batch.Events) queue.Enqueue(e);
                if (acknowledge) consumer.Reply(new MarketDataAck(batch.Count));
                return queue.Dequeue();
            case FeedEvent e:
                if (acknowledge) consumer.Reply(MarketDataAck.Instance);
                return e;
            default:
                throw new Xunit.Sdk.XunitException($"expected a market-data event, got {message.GetType().Name}");
        }
    }

    [Fact]
    public async Task One_connection_feeds_both_the_market_feed_and_the_paper_feed_the_same_events()
    {
        var source = new QueueMarketDataSource();
        await using var venue = new PaperVenue(new PaperVenueOptions { StartingBalance = Money.FromDollars(100), OrderLatency = TimeSpan.Zero });
        var hub = Sys.ActorOf(MarketDataHub.Props(source));
        var markets = CreateTestProbe();
        var marketFeed = Sys.ActorOf(MarketFeed.Props(hub, markets));
        var paperFeed = Sys.ActorOf(PaperVenueFeed.Props(hub, venue));
        await AwaitAssertAsync(async () => Assert.Equal(2, (await State(hub)).Consumers), Wait);

        marketFeed.Tell(new TrackMarkets([A, B]));
        paperFeed.Tell(new TrackMarkets([A]));
        await source.Push(new FeedConnected(DateTimeOffset.UnixEpoch), Snapshot(A, 1), Snapshot(B, 2),
            new BookDelta(A, 1, 3, OutcomeSide.No, Price.FromCents(48), Quantity.FromContracts(3), null));

        Assert.Equal(A, markets.ExpectMsg<BookSnapshotReceived>(Wait).Ticker);
        Assert.Equal(B, markets.ExpectMsg<BookSnapshotReceived>(Wait).Ticker);
        Assert.Equal(A, markets.ExpectMsg<BookDeltaReceived>(Wait).Ticker);
        await AwaitAssertAsync(async () =>
        {
            var paper = await paperFeed.Ask<PaperFeedState>(GetPaperFeedState.Instance, Wait);
            Assert.Equal((4L, 4L, true), (paper.EventsReceived, paper.EventsApplied, paper.Connected));
        }, Wait);
        // the paper book took the delta too: 0.52 YES shows 8
        Assert.Equal(Quantity.FromContracts(8), (await venue.SubmitAsync(new VenueOrderRequest("c1", A, OutcomeSide.Yes, Price.FromCents(52),
            Quantity.FromContracts(20), TimeInForce.ImmediateOrCancel), default)).FilledCount);

        await AwaitAssertAsync(async () =>
        {
            var state = await State(hub);
            Assert.Equal((1L, 4L, 2, 2), (state.Runs, state.Events, state.TrackedMarkets, state.Consumers));
            Assert.Equal(new[] { A, B }.Order(StringComparer.Ordinal), source.Added.Order(StringComparer.Ordinal)); // A once, though both asked
        }, Wait);
        Assert.Equal(1, source.Materializations);
    }

    [Fact]
    public async Task A_consumer_that_attaches_late_gets_the_connection_and_a_snapshot_of_every_tracked_market()
    {
        var source = new QueueMarketDataSource();
        var hub = Sys.ActorOf(MarketDataHub.Props(source));
        var first = Consumer(hub);
        hub.Tell(new TrackMarkets([A, B]));
        await source.Push(new FeedConnected(DateTimeOffset.UnixEpoch), Snapshot(A, 1), Snapshot(B, 2));
        Take<FeedConnected>(first);
        Take<BookSnapshot>(first);
        Take<BookSnapshot>(first);
        Assert.Empty(source.SnapshotRequests);

        var late = Consumer(hub);
        Take<FeedConnected>(late);
        AwaitAssert(() => Assert.Equal(new[] { A, B }.Order(StringComparer.Ordinal), source.SnapshotRequests.Order(StringComparer.Ordinal)), Wait);

        // the snapshots the source answers with reach both (each resets its book on one)
        await source.Push(Snapshot(A, 3), Snapshot(B, 4));
        foreach (var consumer in new[] { first, late })
            Assert.Equal([A, B], new[] { Take<BookSnapshot>(consumer).MarketTicker, Take<BookSnapshot>(consumer).MarketTicker });
        Assert.Equal(1, source.Materializations);
    }

    [Fact]
    public async Task The_hub_runs_an_ended_source_again_and_tells_consumers_the_end_as_a_disconnect()
    {
        var source = new RerunnableMarketDataSource();
        var hub = Sys.ActorOf(MarketDataHub.Props(source, new MarketDataHubSettings { MinRestartDelay = TimeSpan.FromMilliseconds(50) }));
        var consumer = Consumer(hub);
        await source.Push(new FeedConnected(DateTimeOffset.UnixEpoch), Snapshot(A, 1));
        Take<FeedConnected>(consumer);
        Take<BookSnapshot>(consumer);

        await source.CompleteRun(1);
        Assert.StartsWith("source ended", Take<FeedDisconnected>(consumer).Reason);
        await AwaitAssertAsync(() => Assert.Equal(2, source.Materializations), Wait);

        await source.PushToRun(2, new FeedConnected(DateTimeOffset.UnixEpoch), Snapshot(A, 1));
        Take<FeedConnected>(consumer);
        Take<BookSnapshot>(consumer);
        var state = await State(hub);
        Assert.Equal((2L, 1L, true), (state.Runs, state.StreamEnds, state.Connected));
    }

    [Fact]
    public async Task A_consumer_at_its_window_holds_the_source_back_and_is_cut_when_it_stays_there()
    {
        var source = new QueueMarketDataSource();
        var hub = Sys.ActorOf(MarketDataHub.Props(source,
            new MarketDataHubSettings { ConsumerWindow = 2, SlowConsumerTimeout = TimeSpan.FromMilliseconds(500) }));
        var fast = Consumer(hub);
        var slow = Consumer(hub);
        await source.Push(Snapshot(A, 1), Snapshot(A, 2), Snapshot(A, 3));

        // the slow one never acknowledges: once it holds its window (alone or in batches), the source waits for it ...
        var held = 0;
        while (held < 2 || _received[slow].Count > 0)
        {
            Assert.IsType<BookSnapshot>(Next(slow, acknowledge: false));
            held++;
            Assert.Equal(held, Take<BookSnapshot>(fast).Seq);
        }
        await source.Push(Snapshot(B, 4), Snapshot(B, 5));
        fast.ExpectNoMsg(TimeSpan.FromMilliseconds(150));

        // ... until it is cut; then the others get the rest, in order
        Assert.StartsWith("slow consumer", slow.ExpectMsg<MarketDataCut>(Wait).Reason);
        for (var seq = held + 1; seq <= 5; seq++) Assert.Equal(seq, Take<BookSnapshot>(fast).Seq);
        var state = await State(hub);
        Assert.Equal((1L, 1), (state.SlowConsumerCuts, state.Consumers));

        // it may subscribe again and is told events from then on
        slow.Send(hub, SubscribeMarketData.Instance);
        slow.ExpectMsg<MarketDataSubscribed>(Wait);
        await source.Push(Snapshot(B, 6));
        Take<BookSnapshot>(fast);
        Assert.Equal(B, Take<BookSnapshot>(slow).MarketTicker);
    }

    [Fact]
    public async Task Events_that_pile_up_while_consumers_work_reach_them_in_batches_in_order_and_each_batch_is_acknowledged_once()
    {
        var source = new QueueMarketDataSource();
        // a window of one: while the consumer holds the first event unacknowledged the hub takes nothing, and the rest gather behind it
        var hub = Sys.ActorOf(MarketDataHub.Props(source, new MarketDataHubSettings { ConsumerWindow = 1 }));
        var consumer = Consumer(hub);
        await source.Push(Snapshot(A, 1));
        var first = consumer.ExpectMsg<BookSnapshot>(Wait);
        await source.Push([.. Enumerable.Range(2, 99).Select(i => (FeedEvent)Snapshot(A, i))]);
        Assert.Equal(1, (await State(hub)).Events);
        consumer.Reply(MarketDataAck.Instance);

        var seqs = new List<long> { first.Seq };
        var messages = 1;
        var batches = 0;
        while (seqs.Count < 100)
        {
            var message = consumer.ExpectMsg<object>(Wait);
            messages++;
            switch (message)
            {
                case FeedEventBatch batch:
                    batches++;
                    seqs.AddRange(batch.Events.Cast<BookSnapshot>().Select(e => e.Seq));
                    consumer.Reply(new MarketDataAck(batch.Count));
                    break;
                case BookSnapshot one:
                    seqs.Add(one.Seq);
                    consumer.Reply(MarketDataAck.Instance);
                    break;
            }
        }
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), seqs);
        Assert.True(batches >= 1 && messages < 100, $"{messages} messages, {batches} batches for 100 events");
        var state = await State(hub);
        Assert.Equal((100L, 1, 0L), (state.Events, state.Consumers, state.SlowConsumerCuts));
    }

    [Fact]
    public async Task Snapshot_requests_from_several_consumers_reach_the_source_once_until_the_snapshot_passes()
    {
        var source = new QueueMarketDataSource();
        var hub = Sys.ActorOf(MarketDataHub.Props(source));
        var consumer = Consumer(hub);
        hub.Tell(new RequestMarketSnapshot(A));
        hub.Tell(new RequestMarketSnapshot(A));
        await AwaitAssertAsync(async () => Assert.Equal(1, (await State(hub)).SnapshotRequests), Wait);

        await source.Push(Snapshot(A, 1));
        Take<BookSnapshot>(consumer);
        hub.Tell(new RequestMarketSnapshot(A));
        AwaitAssert(() => Assert.Equal([A, A], source.SnapshotRequests), Wait);
    }
}
