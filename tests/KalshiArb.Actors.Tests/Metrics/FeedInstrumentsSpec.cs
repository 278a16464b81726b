using System.Diagnostics.Metrics;
using KalshiArb.Actors.Metrics;
using KalshiArb.Actors.Tests.Feed;
using KalshiArb.Actors.Tests.Market;

namespace KalshiArb.Actors.Tests.Metrics;

/// <summary>The market feed records its events, gaps, resyncs, disconnects and reconnects as it counts them for status.</summary>
[Collection(MetricsCollection.Name)]
public sealed class FeedInstrumentsSpec : TestKit
{
    private const string A = "KXNBAGAME-26FEB07HOUOKC-OKC";

    [Fact]
    public async Task The_feed_records_what_it_sees()
    {
        var totals = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == TradingInstruments.MeterName && i.Name.StartsWith("kalshiarb_feed_", StringComparison.Ordinal))
                l.EnableMeasurementEvents(i);
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) =>
        {
            lock (totals) totals[i.Name] = totals.GetValueOrDefault(i.Name) + v;
        });
        listener.Start();

        var source = new QueueMarketDataSource();
        var markets = CreateTestProbe();
        var hub = Sys.ActorOf(MarketDataHub.Props(source));
        var feed = Sys.ActorOf(MarketFeed.Props(hub, markets, clock: new ManualClock(MarketFixtures.T0)));
        await source.Push(
            new FeedConnected(MarketFixtures.T0),
            new BookSnapshot(A, 1, 1, [new BookLevel(Price.FromCents(45), Quantity.FromContracts(10))], []),
            new BookGap(A, 1, 3, 5),
            new FeedDisconnected("silence", MarketFixtures.T0),
            new FeedConnected(MarketFixtures.T0));
        feed.Tell(new BookResyncRequested(A, BookUpdateResult.Gap));

        AwaitAssert(() =>
        {
            lock (totals)
                Assert.Equal(new Dictionary<string, long>
                {
                    ["kalshiarb_feed_events"] = 5, ["kalshiarb_feed_gaps"] = 1, ["kalshiarb_feed_disconnects"] = 1,
                    ["kalshiarb_feed_reconnects"] = 1, ["kalshiarb_feed_resyncs"] = 1,
                }, totals);
        }, TimeSpan.FromSeconds(5));
    }
}
