using KalshiArb.Actors.Tests.Market;
using KalshiArb.Actors.Venues.Paper;
using KalshiArb.Adapters.Paper.Config;
using KalshiArb.Adapters.Paper.Execution;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Actors.Tests.Venues.Paper;

public sealed class PaperVenueFeedSpec : TestKit, IAsyncLifetime
{
    private const string A = "KXNBAGAME-26FEB07HOUOKC-OKC";
    private const string B = "KXNBAGAME-26FEB07HOUOKC-HOU";
    private const string C = "KXNBAGAME-26FEB08LALBOS-BOS";

    private readonly RerunnableMarketDataSource _source = new();
    private readonly ManualClock _clock = new(MarketFixtures.T0);
    private readonly PaperVenue _venue = new(new PaperVenueOptions { StartingBalance = Money.FromDollars(100), OrderLatency = TimeSpan.Zero });
    private int _orders;

    private static Price Cents(int cents) => Price.FromCents(cents);
    private static Quantity N(long contracts) => Quantity.FromContracts(contracts);
    private static BookLevel L(int cents, long contracts) => new(Cents(cents), N(contracts));

    /// <summary>YES bids 0.45 (10); NO bids 0.48 (5), 0.47 (10) → YES asks 0.52 (5), 0.53 (10).</summary>
    private static BookSnapshot Snapshot(string ticker, long kalshiSeq) => new(ticker, 1, kalshiSeq, [L(45, 10)], [L(47, 10), L(48, 5)]);

    private MarketLifecycle Lifecycle(string ticker, LifecycleEventType type, MarketResult result = MarketResult.None) =>
        new(ticker, 9, type, type.ToString().ToLowerInvariant(), result, null, _clock.NowMs);

    private static TradePrint Trade(string id, int yesCents, long contracts, OutcomeSide? takerSide) =>
        new(A, 11, id, Cents(yesCents), Cents(100 - yesCents), N(contracts), takerSide, null);

    private IActorRef _hub = ActorRefs.Nobody;

    /// <summary>The node's market-data hub on the test source, and the paper feed subscribed to it.</summary>
    private IActorRef StartFeed(MarketDataHubSettings? settings = null)
    {
        _hub = Sys.ActorOf(MarketDataHub.Props(_source, settings, _clock));
        return Sys.ActorOf(PaperVenueFeed.Props(_hub, _venue, _clock));
    }

    /// <summary>Subscriptions and snapshot requests reach the source through the hub, asynchronously.</summary>
    private void AwaitSource(Action assertion) => AwaitAssert(assertion, TimeSpan.FromSeconds(5));

    private Task<VenueSubmitResult> Buy(string ticker, OutcomeSide side, int cents, long contracts,
        TimeInForce tif = TimeInForce.ImmediateOrCancel) =>
        _venue.SubmitAsync(new VenueOrderRequest($"c{++_orders}", ticker, side, Cents(cents), N(contracts), tif), default);

    /// <summary>The feed's state once it has taken <paramref name="events"/> events (the stream is asynchronous).</summary>
    private async Task<PaperFeedState> StateAfter(IActorRef feed, long events)
    {
        PaperFeedState? state = null;
        await AwaitAssertAsync(async () =>
        {
            state = await feed.Ask<PaperFeedState>(GetPaperFeedState.Instance, TimeSpan.FromSeconds(3));
            Assert.Equal(events, state.EventsReceived);
        }, TimeSpan.FromSeconds(10));
        return state!;
    }

    private static void AssertEveryEventCounted(PaperFeedState s) =>
        Assert.Equal(s.EventsReceived,
            s.EventsApplied + s.Skipped.Where(kv => kv.Key != PaperFeedSkipReason.InvalidMarketRules).Sum(kv => kv.Value)
            + s.BookRefusals.Values.Sum() + s.VenueFailures);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await _venue.DisposeAsync();

    [Fact]
    public async Task Answers_a_wait_for_an_event_count_once_its_books_hold_that_many_events()
    {
        var feed = StartFeed();
        var replay = CreateTestProbe();
        replay.Send(feed, new AwaitEventsReceived(2));
        await _source.Push(new FeedConnected(MarketFixtures.T0));
        replay.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        await _source.Push(Snapshot(A, 1));
        Assert.Equal(2, replay.ExpectMsg<EventsReceivedReached>(TimeSpan.FromSeconds(5)).EventsReceived);
        // answered after the book took the snapshot: an order placed now meets it
        var filled = await Buy(A, OutcomeSide.Yes, 52, 5);
        Assert.Equal(N(5), filled.FilledCount);
    }

    [Fact]
    public async Task Orders_fill_at_the_snapshot_ask_and_walk_levels_after_a_delta_renumbered_per_market()
    {
        var feed = StartFeed();
        // Kalshi counts seq across the subscription: A's delta (seq 3) follows B's snapshot (seq 2)
        await _source.Push(new FeedConnected(MarketFixtures.T0), Snapshot(A, 1), Snapshot(B, 2));
        await StateAfter(feed, 3);

        var first = await Buy(A, OutcomeSide.Yes, 52, 5);
        Assert.Equal((VenueResultKind.Accepted, VenueOrderStatus.Executed, N(5)), (first.Kind, first.Status, first.FilledCount));

        await _source.Push(new BookDelta(A, 1, 3, OutcomeSide.No, Cents(48), N(3), null),
            new BookDelta(B, 1, 4, OutcomeSide.No, Cents(48), N(1), null));
        var state = await StateAfter(feed, 5);
        Assert.Empty(state.BookRefusals);
        Assert.Equal(5, state.EventsApplied);
        Assert.True(state.Connected);

        // 0.52 now shows 8, of which we took 5: 3 left there, the rest walks to 0.53
        var second = await Buy(A, OutcomeSide.Yes, 53, 8);
        Assert.Equal((VenueResultKind.Accepted, N(8)), (second.Kind, second.FilledCount));
        var fills = await _venue.GetFillsAsync(second.ExchangeOrderId!, default);
        Assert.Equal([(Cents(52), N(3)), (Cents(53), N(5))], fills.Select(f => (f.Price, f.Count)));
        Assert.All(fills, f => Assert.True(f.IsTaker));
        AssertEveryEventCounted(state);
    }

    [Fact]
    public async Task A_gap_invalidates_the_book_and_requests_one_snapshot_until_a_new_one_arrives()
    {
        var feed = StartFeed();
        await _source.Push(Snapshot(A, 1), new BookGap(A, 1, 2, 4));
        var state = await StateAfter(feed, 2);
        Assert.Equal((1L, 1L, 1L), (state.Gaps, state.Invalidations, state.SnapshotRequests));
        AwaitSource(() => Assert.Equal([A], _source.SnapshotRequests));

        var refused = await Buy(A, OutcomeSide.Yes, 52, 1);
        Assert.Equal(VenueResultKind.ServerError, refused.Kind);
        Assert.Contains(nameof(Domain.Paper.PaperRejectReason.BookNotWhole), refused.Message);

        // deltas to the broken book are refused and counted, but do not ask again
        await _source.Push(new BookDelta(A, 1, 5, OutcomeSide.No, Cents(48), N(1), null));
        state = await StateAfter(feed, 3);
        Assert.Equal(1, state.BookRefusals[BookUpdateResult.AwaitingSnapshot]);
        Assert.Equal(1, state.SnapshotRequests);

        await _source.Push(Snapshot(A, 6));
        await StateAfter(feed, 4);
        var filled = await Buy(A, OutcomeSide.Yes, 52, 5);
        Assert.Equal(N(5), filled.FilledCount);

        // a whole book again: the next gap asks again
        await _source.Push(new BookGap(A, 1, 7, 9));
        state = await StateAfter(feed, 5);
        Assert.Equal(2, state.SnapshotRequests);
        AwaitSource(() => Assert.Equal([A, A], _source.SnapshotRequests));
        AssertEveryEventCounted(state);
    }

    [Fact]
    public async Task A_refused_delta_invalidates_and_requests_a_snapshot()
    {
        var feed = StartFeed();
        // 0.48 shows 5 NO: taking 7 away would go negative
        await _source.Push(Snapshot(A, 1), new BookDelta(A, 1, 2, OutcomeSide.No, Cents(48), N(-7), null));
        var state = await StateAfter(feed, 2);

        Assert.Equal(1, state.BookRefusals[BookUpdateResult.NegativeLevel]);
        Assert.Equal((1L, 1L), (state.Invalidations, state.SnapshotRequests));
        AwaitSource(() => Assert.Equal([A], _source.SnapshotRequests));
        Assert.Equal(VenueResultKind.ServerError, (await Buy(A, OutcomeSide.Yes, 52, 1)).Kind);
    }

    [Fact]
    public async Task A_disconnect_invalidates_every_followed_and_seen_market()
    {
        var feed = StartFeed();
        feed.Tell(new TrackMarkets([A, B]));
        await _source.Push(new FeedConnected(MarketFixtures.T0), Snapshot(A, 1), Snapshot(B, 2), Snapshot(C, 3));
        await StateAfter(feed, 4);
        Assert.True((await Buy(C, OutcomeSide.Yes, 52, 1)).IsAccepted);

        await _source.Push(new FeedDisconnected("silence", MarketFixtures.T0));
        var state = await StateAfter(feed, 5);

        Assert.False(state.Connected);
        Assert.Equal(3, state.Invalidations);
        Assert.Equal(new[] { A, B, C }.Order(StringComparer.Ordinal), state.Markets.ToArray());
        AwaitSource(() => Assert.Equal([A, B], _source.Added));
        foreach (var ticker in new[] { A, B, C })
            Assert.Equal(VenueResultKind.ServerError, (await Buy(ticker, OutcomeSide.Yes, 52, 1)).Kind);
        AssertEveryEventCounted(state);
    }

    [Fact]
    public async Task Lifecycle_closes_reopens_and_settles_the_paper_market()
    {
        var feed = StartFeed();
        await _source.Push(Snapshot(A, 1));
        await StateAfter(feed, 1);
        Assert.Equal(N(5), (await Buy(A, OutcomeSide.Yes, 52, 5)).FilledCount);

        await _source.Push(Lifecycle(A, LifecycleEventType.Deactivated));
        await StateAfter(feed, 2);
        Assert.Equal(VenueResultKind.MarketInactive, (await Buy(A, OutcomeSide.Yes, 53, 1)).Kind);

        await _source.Push(Lifecycle(A, LifecycleEventType.Activated));
        await StateAfter(feed, 3);
        var resting = await Buy(A, OutcomeSide.No, 40, 2, TimeInForce.GoodTillCanceled);
        Assert.Equal(VenueOrderStatus.Resting, resting.Status);

        // the result comes with "determined"; "settled" pays out on it
        await _source.Push(Lifecycle(A, LifecycleEventType.Determined, MarketResult.Yes));
        await StateAfter(feed, 4);
        Assert.Equal(PaperMarketStatus.Closed, _venue.StatusOf(A));
        var cashBefore = _venue.Cash;
        Assert.Equal(_venue.Cash, _venue.AvailableBalance);

        await _source.Push(Lifecycle(A, LifecycleEventType.Settled));
        var state = await StateAfter(feed, 5);
        Assert.Equal(PaperMarketStatus.Settled, _venue.StatusOf(A));
        Assert.Equal(cashBefore + Money.FromDollars(5), _venue.Cash);
        Assert.Equal(Quantity.Zero, _venue.PositionOf(A));
        Assert.Equal(VenueResultKind.MarketInactive, (await Buy(A, OutcomeSide.Yes, 53, 1)).Kind);
        Assert.Equal(5, state.EventsApplied);
    }

    [Fact]
    public async Task A_settlement_without_a_yes_no_result_closes_without_paying()
    {
        var feed = StartFeed();
        await _source.Push(Snapshot(A, 1));
        await StateAfter(feed, 1);
        await Buy(A, OutcomeSide.Yes, 52, 5);
        var cash = _venue.Cash;

        await _source.Push(Lifecycle(A, LifecycleEventType.Settled, MarketResult.Scalar));
        var state = await StateAfter(feed, 2);

        Assert.Equal(1, state.Skipped[PaperFeedSkipReason.SettlementValueUnknown]);
        Assert.Equal(PaperMarketStatus.Closed, _venue.StatusOf(A));
        Assert.Equal((cash, N(5)), (_venue.Cash, _venue.PositionOf(A)));
    }

    [Fact]
    public async Task Public_trades_advance_resting_paper_orders_and_unusable_events_are_skipped_by_reason()
    {
        var feed = StartFeed();
        await _source.Push(Snapshot(A, 1));
        await StateAfter(feed, 1);
        // behind the 10 YES displayed at 0.45
        var order = await Buy(A, OutcomeSide.Yes, 45, 5, TimeInForce.GoodTillCanceled);
        Assert.Equal(VenueOrderStatus.Resting, order.Status);

        await _source.Push(
            Trade("t1", 45, 4, null),
            new TickerUpdate(A, 2, null, null, null, null, null, null),
            new SubscriptionConfirmed(1, "trade", 11),
            Lifecycle(A, LifecycleEventType.Created),
            // a NO taker hits YES bids: 10 ahead of us, so 2 of 12 reach our order
            Trade("t3", 45, 12, OutcomeSide.No));
        var state = await StateAfter(feed, 6);

        var fills = await _venue.GetFillsAsync(order.ExchangeOrderId!, default);
        var fill = Assert.Single(fills);
        Assert.Equal((Cents(45), N(2), false), (fill.Price, fill.Count, fill.IsTaker));
        Assert.Equal(1, state.Skipped[PaperFeedSkipReason.TradeWithoutTakerSide]);
        Assert.Equal(1, state.Skipped[PaperFeedSkipReason.TickerSummary]);
        Assert.Equal(1, state.Skipped[PaperFeedSkipReason.Control]);
        Assert.Equal(1, state.Skipped[PaperFeedSkipReason.LifecycleWithoutEffect]);
        Assert.Equal(2, state.EventsApplied);
        AssertEveryEventCounted(state);
    }

    [Fact]
    public async Task Discovery_subscribes_markets_sets_their_fee_rule_and_closes_paused_ones()
    {
        var feed = StartFeed();
        var halfTaker = new FeeSchedule(FeeType.Quadratic, FeeSchedule.MultiplierOne / 2);
        var a = MarketFixtures.Metadata(A) with { FeeType = halfTaker.Type, FeeMultiplierTenThousandths = halfTaker.MultiplierTenThousandths };
        var b = MarketFixtures.Metadata(B, MarketTradingStatus.Paused);
        var c = MarketFixtures.Metadata(C) with { PriceRanges = [] };
        feed.Tell(new MarketsDiscovered([a, b, c]));
        await _source.Push(Snapshot(A, 1), Snapshot(B, 2));
        var state = await StateAfter(feed, 2);

        AwaitSource(() => Assert.Equal([A, B, C], _source.Added));
        Assert.Equal(2, state.ConfiguredMarkets);
        Assert.Equal(1, state.Skipped[PaperFeedSkipReason.InvalidMarketRules]);
        var taken = await Buy(A, OutcomeSide.Yes, 52, 5);
        var fill = Assert.Single(await _venue.GetFillsAsync(taken.ExchangeOrderId!, default));
        Assert.Equal(halfTaker.FillFee(FeeRole.Taker, N(5), Cents(52)), fill.Fee);
        Assert.NotEqual(FeeSchedule.SportsGame.FillFee(FeeRole.Taker, N(5), Cents(52)), fill.Fee);
        Assert.Equal(VenueResultKind.MarketInactive, (await Buy(B, OutcomeSide.Yes, 52, 1)).Kind);

        // the next round finds B open again; nothing is subscribed twice
        feed.Tell(new MarketsDiscovered([MarketFixtures.Metadata(B)]));
        AwaitAssert(() => Assert.Equal(PaperMarketStatus.Open, _venue.StatusOf(B)), TimeSpan.FromSeconds(5));
        Assert.True((await Buy(B, OutcomeSide.Yes, 52, 1)).IsAccepted);
        Assert.Equal([A, B, C], _source.Added);
    }

    [Fact]
    public async Task Discovery_carries_fractional_trading_to_the_paper_market()
    {
        var feed = StartFeed();
        var whole = MarketFixtures.Metadata(A);
        var fractional = MarketFixtures.Metadata(B) with { FractionalTradingEnabled = true };
        feed.Tell(new MarketsDiscovered([whole, fractional]));
        // fractional displayed sizes on both books: YES asks 0.52 (2.50), 0.53 (10.75)
        await _source.Push(
            new BookSnapshot(A, 1, 1, [L(45, 10)], [new BookLevel(Cents(47), Quantity.Parse("10.75")), new BookLevel(Cents(48), Quantity.Parse("2.50"))]),
            new BookSnapshot(B, 1, 2, [L(45, 10)], [new BookLevel(Cents(47), Quantity.Parse("10.75")), new BookLevel(Cents(48), Quantity.Parse("2.50"))]));
        await StateAfter(feed, 2);

        Task<VenueSubmitResult> Order(string ticker, string count) =>
            _venue.SubmitAsync(new VenueOrderRequest($"c{++_orders}", ticker, OutcomeSide.Yes, Cents(53), Quantity.Parse(count),
                TimeInForce.ImmediateOrCancel), default);

        Assert.Equal(VenueResultKind.InvalidOrder, (await Order(A, "1.50")).Kind);
        var a = await Order(A, "13.00");
        Assert.Equal(N(12), a.FilledCount); // 2 of the 2.50 and 10 of the 10.75: no fraction of a level is bought
        Assert.Equal(N(12), _venue.PositionOf(A));

        var b = await Order(B, "13.25");
        Assert.Equal(Quantity.Parse("13.25"), b.FilledCount);
        Assert.Equal(Quantity.Parse("13.25"), _venue.PositionOf(B));
    }

    [Fact]
    public async Task An_ended_source_invalidates_books_and_the_hub_runs_it_again_after_a_backoff()
    {
        var feed = StartFeed(new MarketDataHubSettings { MinRestartDelay = TimeSpan.FromMilliseconds(50) });
        await _source.Push(new FeedConnected(MarketFixtures.T0), Snapshot(A, 1));
        await StateAfter(feed, 2);

        await _source.CompleteRun(1);
        await AwaitAssertAsync(() => Assert.Equal(2, _source.Materializations), TimeSpan.FromSeconds(10));
        // the hub tells the end as a disconnect
        var state = await StateAfter(feed, 3);
        Assert.Equal((1L, false), (state.Invalidations, state.Connected));
        var hub = await _hub.Ask<MarketDataHubState>(GetMarketDataHubState.Instance, TimeSpan.FromSeconds(3));
        Assert.Equal((2L, 1L), (hub.Runs, hub.StreamEnds));
        Assert.Equal(VenueResultKind.ServerError, (await Buy(A, OutcomeSide.Yes, 52, 1)).Kind);

        await _source.PushToRun(2, Snapshot(A, 1));
        await StateAfter(feed, 4);
        Assert.Equal(N(5), (await Buy(A, OutcomeSide.Yes, 52, 5)).FilledCount);
    }

    [Fact]
    public async Task A_failing_event_is_counted_and_the_feed_goes_on()
    {
        var feed = StartFeed();
        await _source.Push(new BookDelta(null!, 1, 1, OutcomeSide.No, Cents(48), N(1), null), Snapshot(A, 2));
        var state = await StateAfter(feed, 2);

        Assert.Equal((1L, 1L), (state.VenueFailures, state.EventsApplied));
        Assert.Equal([A], state.Markets.ToArray());
        Assert.True((await Buy(A, OutcomeSide.Yes, 52, 1)).IsAccepted);
        AssertEveryEventCounted(state);
    }

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 2_000)]
    [InlineData(5, 16_000)]
    [InlineData(6, 30_000)]
    [InlineData(50, 30_000)]
    public void The_restart_delay_doubles_up_to_its_cap(int consecutiveEnds, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), MarketDataHubSettings.Default.RestartDelay(consecutiveEnds));
}
