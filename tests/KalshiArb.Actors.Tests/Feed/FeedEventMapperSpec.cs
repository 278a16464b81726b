using System.Collections.Immutable;
using KalshiArb.Kalshi.Model;

namespace KalshiArb.Actors.Tests.Feed;

public sealed class FeedEventMapperSpec
{
    private const string A = "KXNBAGAME-26FEB07HOUOKC-OKC";
    private const string B = "KXNBAGAME-26FEB07HOUOKC-HOU";

    private static readonly ImmutableArray<BookLevel> Yes = [new(Price.FromCents(45), Quantity.FromContracts(10))];
    private static readonly ImmutableArray<BookLevel> No = [new(Price.FromCents(50), Quantity.FromContracts(20))];

    [Fact]
    public void Renumbers_book_messages_per_market_from_the_subscription_seq()
    {
        var seq = new MarketSequencer();
        // one subscription, two markets interleaved: sid seq 1..5 becomes 1,2,3 for A and 1,2 for B
        var a0 = Map<BookSnapshotReceived>(new BookSnapshot(A, 1, 1, Yes, No), seq);
        var b0 = Map<BookSnapshotReceived>(new BookSnapshot(B, 1, 2, No, Yes), seq);
        var a1 = Map<BookDeltaReceived>(new BookDelta(A, 1, 3, OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(-2), 100), seq);
        var b1 = Map<BookDeltaReceived>(new BookDelta(B, 1, 4, OutcomeSide.No, Price.FromCents(45), Quantity.FromContracts(1), 101), seq);
        var a2 = Map<BookDeltaReceived>(new BookDelta(A, 1, 5, OutcomeSide.No, Price.FromCents(51), Quantity.FromContracts(3), 102), seq);

        Assert.Equal((1L, 1L, 2L, 2L, 3L), (a0.Seq, b0.Seq, a1.Seq, b1.Seq, a2.Seq));
        Assert.Equal(Yes, a0.YesBids);
        Assert.Equal(No, a0.NoBids);
        Assert.Equal(7_000, a0.ReceivedAtMs);
        Assert.Equal((OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(-2)), (a1.Side, a1.Price, a1.Delta));
        Assert.Equal(OutcomeSide.No, a2.Side);

        // a later snapshot restarts the market's numbering
        Assert.Equal(1, Map<BookSnapshotReceived>(new BookSnapshot(A, 1, 9, Yes, No), seq).Seq);
        Assert.Equal(2, Map<BookDeltaReceived>(new BookDelta(A, 1, 10, OutcomeSide.Yes, Price.FromCents(44), Quantity.FromContracts(1), null), seq).Seq);
    }

    [Fact]
    public void A_snapshot_applied_to_a_book_equals_the_levels_it_carried()
    {
        var m = Map<BookSnapshotReceived>(new BookSnapshot(A, 3, 17, Yes, No), new MarketSequencer());
        var book = new OrderBook(PriceGrid.Cents);
        Assert.Equal(BookUpdateResult.Applied, book.ApplySnapshot(m.Seq, m.YesBids.AsSpan(), m.NoBids.AsSpan()));
        Assert.Equal(new BookLevel(Price.FromCents(55), Quantity.FromContracts(10)), book.BestNoAsk);
        Assert.Equal(new BookLevel(Price.FromCents(50), Quantity.FromContracts(20)), book.BestYesAsk);
    }

    [Fact]
    public void Gaps_trades_and_lifecycle_become_market_messages()
    {
        var seq = new MarketSequencer();
        var gap = Map<BookInvalidated>(new BookGap(A, 1, 5, 7), seq);
        Assert.Equal(BookInvalidation.Gap, gap.Reason);

        var trade = Map<TradeReceived>(new TradePrint(A, 2, "t-1", Price.FromCents(47), Price.FromCents(53), Quantity.FromContracts(4), OutcomeSide.Yes, 123), seq);
        Assert.Equal(("t-1", Price.FromCents(47), Quantity.FromContracts(4), 123L), (trade.TradeId, trade.YesPrice, trade.Count, trade.AtMs));

        Assert.Equal(MarketTradingStatus.Paused, Map<MarketStatusChanged>(Lifecycle(LifecycleEventType.Deactivated), seq).Status);
        Assert.Equal(MarketTradingStatus.Open, Map<MarketStatusChanged>(Lifecycle(LifecycleEventType.Activated), seq).Status);
        Assert.Equal(MarketTradingStatus.Closed, Map<MarketStatusChanged>(Lifecycle(LifecycleEventType.Determined), seq).Status);
        Assert.Equal(MarketTradingStatus.Settled, Map<MarketStatusChanged>(Lifecycle(LifecycleEventType.Settled), seq).Status);
    }

    [Fact]
    public void Connection_events_and_non_market_events_are_told_apart()
    {
        var seq = new MarketSequencer();
        Assert.Equal(FeedEventKind.Connected, FeedEventMapper.Map(new FeedConnected(DateTimeOffset.UnixEpoch), 0, seq).Kind);
        Assert.Equal(FeedEventKind.Disconnected, FeedEventMapper.Map(new FeedDisconnected("closed", DateTimeOffset.UnixEpoch), 0, seq).Kind);

        Assert.Equal(FeedIgnoreReason.LifecycleWithoutStatus, Ignored(Lifecycle(LifecycleEventType.CloseDateUpdated), seq));
        Assert.Equal(FeedIgnoreReason.LifecycleWithoutStatus, Ignored(Lifecycle(LifecycleEventType.Created), seq));
        Assert.Equal(FeedIgnoreReason.TickerSummary, Ignored(new TickerUpdate(A, 1, null, null, null, null, null, null), seq));
        Assert.Equal(FeedIgnoreReason.Control, Ignored(new SubscriptionConfirmed(1, "orderbook_delta", 3), seq));
        Assert.Equal(FeedIgnoreReason.Control, Ignored(new FeedCommandError(1, 17, "internal"), seq));
        Assert.Equal(FeedIgnoreReason.AccountEvent,
            Ignored(new MarketPositionUpdate(A, 1, Quantity.FromContracts(1), null, null, null, null), seq));
    }

    [Fact]
    public void Mapping_a_delta_allocates_only_the_message()
    {
        var seq = new MarketSequencer();
        var delta = new BookDelta(A, 1, 2, OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(1), 5);
        for (var i = 0; i < 100; i++) FeedEventMapper.Map(delta, i, seq); // warm-up

        const int n = 10_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < n; i++) FeedEventMapper.Map(delta, i, seq);
        var perDelta = (GC.GetAllocatedBytesForCurrentThread() - before) / n;

        // one BookDeltaReceived: header + ticker ref + seq + side + price + delta + time, nothing else
        Assert.InRange(perDelta, 40, 64);
    }

    [Theory]
    [InlineData(MarketStatus.Active, MarketTradingStatus.Open)]
    [InlineData(MarketStatus.Open, MarketTradingStatus.Open)]
    [InlineData(MarketStatus.Unopened, MarketTradingStatus.Paused)]
    [InlineData(MarketStatus.Paused, MarketTradingStatus.Paused)]
    [InlineData(MarketStatus.Closed, MarketTradingStatus.Closed)]
    [InlineData(MarketStatus.Determined, MarketTradingStatus.Closed)]
    [InlineData(MarketStatus.Finalized, MarketTradingStatus.Settled)]
    [InlineData(MarketStatus.Unknown, MarketTradingStatus.Unknown)]
    public void Rest_market_status_folds_to_trading_status(MarketStatus status, MarketTradingStatus expected) =>
        Assert.Equal(expected, FeedEventMapper.StatusOf(status));

    private static MarketLifecycle Lifecycle(LifecycleEventType type) => new(A, 4, type, type.ToString().ToLowerInvariant(), MarketResult.None, null, 55);

    private static T Map<T>(FeedEvent e, MarketSequencer seq) where T : ITickerMessage
    {
        var m = FeedEventMapper.Map(e, 7_000, seq);
        Assert.Equal(FeedEventKind.Market, m.Kind);
        return Assert.IsType<T>(m.Message);
    }

    private static FeedIgnoreReason Ignored(FeedEvent e, MarketSequencer seq)
    {
        var m = FeedEventMapper.Map(e, 0, seq);
        Assert.Equal(FeedEventKind.Ignored, m.Kind);
        return m.Ignored!.Value;
    }
}
