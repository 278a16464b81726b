using KalshiArb.Actors.Hosting;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Tests.Market;
using KalshiArb.Actors.Tests.OddsFeed;
using KalshiArb.Odds.Teams;

namespace KalshiArb.Actors.Tests.Feed;

/// <summary>
/// The whole market side as a node runs it (one-member cluster: MarketActors in the market shard region, feed, odds
/// poller and catalog as singletons) over fake Kalshi and Odds API sources.
/// </summary>
public sealed class MarketPipelineSpec : TestKit
{
    private const string Okc = "KXNBAGAME-26FEB07HOUOKC-OKC";
    private const string Hou = "KXNBAGAME-26FEB07HOUOKC-HOU";
    private const string Lal = "KXNBAGAME-26FEB07BOSLAL-LAL";
    private const string Mia = "KXNBAGAME-26FEB07NYKMIA-MIA";
    private static readonly DateTimeOffset Tip = new(2026, 2, 8, 1, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(MarketFixtures.T0);

    public MarketPipelineSpec() : base("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", "market-pipeline-spec")
    {
    }

    [Fact]
    public async Task Signals_only_for_matched_markets_with_fresh_odds_that_diverge_from_the_book()
    {
        var discovery = new FakeMarketDiscovery([
            FakeMarketDiscovery.Market(Okc, "Oklahoma City"),
            FakeMarketDiscovery.Market(Hou, "Houston"),
            FakeMarketDiscovery.Market(Lal, "Los Angeles L"),
            FakeMarketDiscovery.Market(Mia, "Miami"),
        ]);
        var odds = new FakeOddsSource();
        // books agree OKC wins ~60%; Kalshi asks 0.55 for OKC YES and 0.55 for HOU NO. Lakers lines are 3 hours old; NYK at MIA has no event.
        odds.Events["basketball_nba"] =
        [
            FakeOddsSource.Event("evt-okc", "Oklahoma City Thunder", "Houston Rockets", Tip,
                ("pinnacle", 1.62, 2.45, _clock.Now.AddMinutes(-2)), ("draftkings", 1.60, 2.40, _clock.Now.AddMinutes(-3)),
                ("fanduel", 1.61, 2.42, _clock.Now.AddMinutes(-1))),
            FakeOddsSource.Event("evt-lal", "Los Angeles Lakers", "Boston Celtics", Tip,
                ("pinnacle", 1.30, 3.80, _clock.Now.AddHours(-3)), ("draftkings", 1.30, 3.70, _clock.Now.AddHours(-3)),
                ("fanduel", 1.31, 3.75, _clock.Now.AddHours(-3))),
        ];
        var source = new QueueMarketDataSource();
        var settings = new MarketActorSettings { MinEvaluationInterval = TimeSpan.FromMilliseconds(50) };

        await using var host = await MarketSideHost.StartAsync(this, "market-pipeline", source, sink => new MarketSideOptions
        {
            Discovery = discovery, Odds = odds, Teams = TeamTables.LoadShipped(), SignalSink = _ => sink,
            Market = settings, Catalog = new MarketCatalogSettings { Series = ["KXNBAGAME"], RefreshInterval = null }, Clock = _clock,
        });
        var (side, signals) = (host.Side, host.Signals);
        var (router, poller) = (side.Markets, side.OddsPoller);

        // every market is mispriced by ~5 points against the books (under max-edge); only OKC/HOU have fresh, matched odds
        AwaitCondition(() => source.Added.Count == 4, TimeSpan.FromSeconds(5));
        await source.Push(
            new FeedConnected(_clock.Now),
            Book(Okc, yesBid: 54, noBid: 45), Book(Hou, yesBid: 45, noBid: 54),
            Book(Lal, yesBid: 59, noBid: 40), Book(Mia, yesBid: 20, noBid: 79));

        var got = new[] { signals.ExpectMsg<TradeSignal>(TimeSpan.FromSeconds(5)), signals.ExpectMsg<TradeSignal>(TimeSpan.FromSeconds(5)) };
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
        var okc = Assert.Single(got, s => s.Ticker == Okc);
        var hou = Assert.Single(got, s => s.Ticker == Hou);
        Assert.Equal((OutcomeSide.Yes, Price.FromCents(55)), (okc.Side, okc.LimitPrice));
        Assert.Equal((OutcomeSide.No, Price.FromCents(55)), (hou.Side, hou.LimitPrice));

        var lal = await router.Ask<MarketStateView>(new GetMarketState(Lal), TimeSpan.FromSeconds(3));
        var mia = await router.Ask<MarketStateView>(new GetMarketState(Mia), TimeSpan.FromSeconds(3));
        Assert.All([lal, mia], s =>
        {
            Assert.True(s.IsWhole);
            Assert.Null(s.FairYes);
            Assert.Equal(MarketPrecondition.NoConsensus, s.LastPrecondition);
            Assert.Equal(0, s.Counters.SignalsSent);
        });

        var unmatched = await poller.Ask<UnmatchedMarkets>(GetUnmatchedMarkets.Instance, TimeSpan.FromSeconds(3));
        Assert.Equal([Mia], unmatched.Entries.Select(e => e.Ticker));

        // a disconnect makes every book unwhole: no trading until fresh snapshots
        await source.Push(new FeedDisconnected("test", _clock.Now));
        await AwaitAssertAsync(async () =>
        {
            var s = await router.Ask<MarketStateView>(new GetMarketState(Okc), TimeSpan.FromSeconds(3));
            Assert.False(s.IsWhole);
            Assert.Equal(BookUpdateResult.Invalidated, s.NotWholeReason);
        }, TimeSpan.FromSeconds(3));

        // after the reconnect a market whose own seq check breaks asks the feed (through the registry) for a snapshot
        await source.Push(new FeedConnected(_clock.Now), Book(Okc, yesBid: 54, noBid: 45));
        await AwaitAssertAsync(async () =>
            Assert.True((await router.Ask<MarketStateView>(new GetMarketState(Okc), TimeSpan.FromSeconds(3))).IsWhole), TimeSpan.FromSeconds(3));
        router.Tell(new BookDeltaReceived(Okc, 9, OutcomeSide.Yes, Price.FromCents(49), Quantity.FromContracts(1), _clock.NowMs));
        AwaitCondition(() => source.SnapshotRequests.Contains(Okc), TimeSpan.FromSeconds(3));
        var feedState = await side.Feed.Ask<FeedStateView>(GetFeedState.Instance, TimeSpan.FromSeconds(3));
        Assert.Equal((2L, 1L, 1L, 4), (feedState.Connects, feedState.Disconnects, feedState.ResyncRequests, feedState.TrackedMarkets));
    }

    private BookSnapshot Book(string ticker, int yesBid, int noBid) =>
        new(ticker, 1, 1,
            [new BookLevel(Price.FromCents(yesBid), Quantity.FromContracts(150))],
            [new BookLevel(Price.FromCents(noBid), Quantity.FromContracts(150))]);
}
