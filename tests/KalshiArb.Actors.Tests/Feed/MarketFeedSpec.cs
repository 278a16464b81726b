using KalshiArb.Actors.Tests.Market;

namespace KalshiArb.Actors.Tests.Feed;

public sealed class MarketFeedSpec : TestKit
{
    private const string A = "KXNBAGAME-26FEB07HOUOKC-OKC";
    private const string B = "KXNBAGAME-26FEB07HOUOKC-HOU";

    private readonly QueueMarketDataSource _source = new();
    private readonly ManualClock _clock = new(MarketFixtures.T0);

    private static readonly BookLevel[] Level = [new(Price.FromCents(45), Quantity.FromContracts(10))];

    private (IActorRef Feed, Akka.TestKit.TestProbe Markets) Start(MarketFeedSettings? settings = null)
    {
        var markets = CreateTestProbe();
        var hub = Sys.ActorOf(MarketDataHub.Props(_source, clock: _clock));
        var feed = Sys.ActorOf(MarketFeed.Props(hub, markets, settings, _clock));
        return (feed, markets);
    }

    [Fact]
    public async Task Delivers_mapped_book_messages_to_the_markets_in_order()
    {
        var (_, markets) = Start();
        await _source.Push(
            new FeedConnected(MarketFixtures.T0),
            new BookSnapshot(A, 1, 1, [.. Level], []),
            new BookDelta(A, 1, 2, OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(1), null),
            new TickerUpdate(A, 2, null, null, null, null, null, null),
            new BookDelta(A, 1, 3, OutcomeSide.No, Price.FromCents(40), Quantity.FromContracts(2), null));

        Assert.Equal(1, markets.ExpectMsg<BookSnapshotReceived>().Seq);
        Assert.Equal(2, markets.ExpectMsg<BookDeltaReceived>().Seq);
        var last = markets.ExpectMsg<BookDeltaReceived>();
        Assert.Equal((3L, OutcomeSide.No, _clock.NowMs), (last.Seq, last.Side, last.ReceivedAtMs));
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private static T Received<T>(T e, long atMs) where T : FeedEvent
    {
        e.ReceivedAtMs = atMs;
        return e;
    }

    [Fact]
    public async Task Events_are_timed_by_their_frames_receive_time_not_by_the_clock()
    {
        var (_, markets) = Start();
        await _source.Push(new FeedConnected(MarketFixtures.T0), Received(new BookSnapshot(A, 1, 1, [.. Level], []), _clock.NowMs - 40));
        Assert.Equal(_clock.NowMs - 40, markets.ExpectMsg<BookSnapshotReceived>().ReceivedAtMs);
    }

    [Fact]
    public async Task Events_received_after_an_odds_answer_wait_until_the_poller_applied_it()
    {
        var arrivals = new KalshiArb.Odds.Api.OddsArrivals();
        var (_, markets) = Start(new MarketFeedSettings { OddsArrivals = arrivals });
        var t = _clock.NowMs;
        var answer = arrivals.Open(_clock); // received at t
        await _source.Push(
            new FeedConnected(MarketFixtures.T0),
            Received(new BookSnapshot(A, 1, 1, [.. Level], []), t),
            Received(new BookDelta(A, 1, 2, OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(1), null), t + 1),
            Received(new BookDelta(A, 1, 3, OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(1), null), t + 2));
        // received with the answer: before it in the recording, so it goes on
        Assert.Equal(1, markets.ExpectMsg<BookSnapshotReceived>().Seq);
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        arrivals.Applied(answer);
        Assert.Equal(2, markets.ExpectMsg<BookDeltaReceived>().Seq);
        Assert.Equal(3, markets.ExpectMsg<BookDeltaReceived>().Seq);
    }

    [Fact]
    public async Task Events_held_for_an_answer_that_is_never_applied_go_on_after_the_longest_hold()
    {
        var arrivals = new KalshiArb.Odds.Api.OddsArrivals();
        var (_, markets) = Start(new MarketFeedSettings { OddsArrivals = arrivals, MaxOddsHold = TimeSpan.FromMilliseconds(300) });
        arrivals.Open(_clock);
        await _source.Push(new FeedConnected(MarketFixtures.T0), Received(new BookSnapshot(A, 1, 1, [.. Level], []), _clock.NowMs + 5));
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(150));
        Assert.Equal(1, markets.ExpectMsg<BookSnapshotReceived>(TimeSpan.FromSeconds(3)).Seq);
    }

    [Fact]
    public async Task Answers_a_wait_for_an_event_count_once_it_has_taken_that_many_events_and_not_before()
    {
        var (feed, markets) = Start();
        var replay = CreateTestProbe();
        replay.Send(feed, new AwaitEventsReceived(3));
        await _source.Push(new FeedConnected(MarketFixtures.T0), new BookSnapshot(A, 1, 1, [.. Level], []));
        markets.ExpectMsg<BookSnapshotReceived>();
        replay.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        await _source.Push(new BookDelta(A, 1, 2, OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(1), null));
        Assert.Equal(3, replay.ExpectMsg<EventsReceivedReached>().EventsReceived);
        // the markets were told first: whatever asks them next finds the events in
        markets.ExpectMsg<BookDeltaReceived>();

        // a count already reached is answered at once
        replay.Send(feed, new AwaitEventsReceived(2));
        Assert.Equal(3, replay.ExpectMsg<EventsReceivedReached>().EventsReceived);
    }

    [Fact]
    public async Task A_disconnect_marks_every_known_book_not_whole_and_a_gap_marks_its_book()
    {
        var (feed, markets) = Start();
        feed.Tell(new TrackMarkets([A, B]));
        await _source.Push(new FeedConnected(MarketFixtures.T0), new BookGap(A, 1, 4, 6));
        Assert.Equal((A, BookInvalidation.Gap), Invalidation(markets.ExpectMsg<BookInvalidated>()));

        await _source.Push(new FeedDisconnected("silence", MarketFixtures.T0));
        var marked = new[] { markets.ExpectMsg<BookInvalidated>(), markets.ExpectMsg<BookInvalidated>() };
        Assert.All(marked, m => Assert.Equal(BookInvalidation.Disconnect, m.Reason));
        Assert.Equal(new[] { A, B }.Order(), marked.Select(m => m.Ticker).Order());

        feed.Tell(GetFeedState.Instance);
        var state = ExpectMsg<FeedStateView>();
        Assert.False(state.Connected);
        Assert.Equal("silence", state.LastDisconnectReason);
        Assert.Equal((1L, 1L, 1L, 2), (state.Connects, state.Disconnects, state.Gaps, state.TrackedMarkets));
        Assert.Equal(new[] { A, B }.Order(), _source.Added.Order());
    }

    [Fact]
    public async Task Reports_state_counts_ignored_events_and_forwards_resync_requests()
    {
        var (feed, markets) = Start();
        await _source.Push(
            new FeedConnected(MarketFixtures.T0),
            new SubscriptionConfirmed(1, "orderbook_delta", 1),
            new TickerUpdate(A, 2, null, null, null, null, null, null),
            new TickerUpdate(A, 2, null, null, null, null, null, null),
            new BookSnapshot(A, 1, 1, [.. Level], []));
        markets.ExpectMsg<BookSnapshotReceived>();

        feed.Tell(new BookResyncRequested(A, BookUpdateResult.Gap));
        feed.Tell(GetFeedState.Instance);
        var state = ExpectMsg<FeedStateView>();
        Assert.True(state.Connected);
        Assert.Equal(_clock.NowMs, state.ConnectedSinceMs);
        Assert.Equal(5, state.EventsReceived);
        Assert.Equal(1, state.MarketMessagesSent);
        Assert.Equal(2, state.Ignored[FeedIgnoreReason.TickerSummary]);
        Assert.Equal(1, state.Ignored[FeedIgnoreReason.Control]);
        Assert.Equal(1, state.ResyncRequests);
        // through the node's hub to the source
        AwaitAssert(() => Assert.Equal([A], _source.SnapshotRequests), TimeSpan.FromSeconds(5));

        // the snapshot's market is known now: a disconnect invalidates it although it was never tracked
        await _source.Push(new FeedDisconnected("closed", MarketFixtures.T0));
        Assert.Equal((A, BookInvalidation.Disconnect), Invalidation(markets.ExpectMsg<BookInvalidated>()));
    }

    [Fact]
    public async Task Vouches_only_for_books_snapshotted_on_this_connection_without_a_gap_since()
    {
        var (_, markets) = Start(new MarketFeedSettings { BookConfirmInterval = TimeSpan.FromMilliseconds(100) });
        await _source.Push(new FeedConnected(MarketFixtures.T0), new BookSnapshot(A, 1, 1, [.. Level], []),
            new BookSnapshot(B, 1, 2, [.. Level], []), new BookGap(B, 1, 3, 5));
        markets.ExpectMsg<BookSnapshotReceived>();
        markets.ExpectMsg<BookSnapshotReceived>();
        markets.ExpectMsg<BookInvalidated>();

        for (var i = 0; i < 3; i++)
        {
            var confirmed = markets.ExpectMsg<BookConfirmed>(TimeSpan.FromSeconds(2));
            Assert.Equal((A, _clock.NowMs), (confirmed.Ticker, confirmed.AtMs));
        }

        // nothing heard for longer than the liveness window: no more confirmations
        _clock.Advance(TimeSpan.FromSeconds(11));
        // confirmations made before the clock moved may still be queued; none may be made after it
        var late = markets.ReceiveWhile(TimeSpan.FromMilliseconds(500), m => m as BookConfirmed);
        Assert.All(late, c => Assert.True(c!.AtMs < _clock.NowMs));

        await _source.Push(new FeedDisconnected("closed", _clock.Now));
        Assert.All(new[] { markets.ExpectMsg<BookInvalidated>(), markets.ExpectMsg<BookInvalidated>() },
            m => Assert.Equal(BookInvalidation.Disconnect, m.Reason));
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(400));
    }

    private static (string, BookInvalidation) Invalidation(BookInvalidated m) => (m.Ticker, m.Reason);
}
