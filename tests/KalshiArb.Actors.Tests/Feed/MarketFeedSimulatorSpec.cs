using System.Diagnostics;
using System.Security.Cryptography;
using KalshiArb.Actors.Hosting;
using KalshiArb.Actors.Tests.OddsFeed;
using KalshiArb.Adapters.Kalshi.Data;
using KalshiArb.Adapters.Kalshi.Providers;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Rest;
using KalshiArb.Odds.Teams;
using Xunit.Abstractions;

namespace KalshiArb.Actors.Tests.Feed;

/// <summary>
/// The Kalshi half of the market side against the in-process exchange simulator over loopback: real REST discovery,
/// real WebSocket feed, MarketActors. The Odds API half is not here: the simulator has no Odds API endpoint yet, so
/// the odds source answers errors and no market gets a consensus (and none may signal).
/// </summary>
public sealed class MarketFeedSimulatorSpec : TestKit
{
    private const string KeyId = "market-side-test";
    private readonly ITestOutputHelper _output;

    public MarketFeedSimulatorSpec(ITestOutputHelper output)
        : base("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", "market-feed-simulator-spec", output) => _output = output;

    [Fact]
    public async Task Market_books_follow_the_simulator_through_ticks_and_a_dropped_connection()
    {
        using var rsa = RSA.Create(2048);
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Accounts = [new SimAccount(KeyId, rsa.ExportSubjectPublicKeyInfoPem(), Money.FromDollars(100))],
            TickInterval = null,
            Seed = 11,
        });
        using var signer = KalshiSigner.FromPem(KeyId, rsa.ExportPkcs8PrivateKeyPem());
        using var http = new HttpClient();
        var rest = new KalshiRestClient(http, new KalshiRestOptions { BaseUrl = sim.RestBaseUrl, MaxRetries = 1 }, signer);
        var kalshiFeed = new KalshiFeed(new KalshiFeedOptions { Url = sim.WsUrl, MinBackoff = TimeSpan.FromMilliseconds(50) }, signer);
        await using var host = await MarketSideHost.StartAsync(this, "market-feed-simulator", new KalshiMarketDataSource(kalshiFeed), sink => new MarketSideOptions
        {
            Discovery = new KalshiMarketDiscovery(rest),
            Odds = new FakeOddsSource(),
            Teams = TeamTables.LoadShipped(),
            SignalSink = _ => sink,
            Catalog = new MarketCatalogSettings { RefreshInterval = null },
        });
        var (side, signals) = (host.Side, host.Signals);
        var tickers = sim.Exchange.Games().SelectMany(g => new[] { g.AwayMarketTicker, g.HomeMarketTicker }).Order(StringComparer.Ordinal).ToArray();

        // discovery finds exactly the game markets (spread/total series are not configured)
        await AwaitAssertAsync(async () =>
        {
            var last = (await side.Catalog.Ask<CatalogSnapshot>(GetCatalog.Instance, TimeSpan.FromSeconds(5))).Last;
            Assert.NotNull(last);
            Assert.Equal(tickers, last.Markets.Select(m => m.Ticker).Order(StringComparer.Ordinal));
            Assert.All(last.Markets, m => Assert.Equal(MarketTradingStatus.Open, m.Status));
        }, TimeSpan.FromSeconds(20));

        await AllBooksMatch(sim, side.Markets, tickers, TimeSpan.FromSeconds(20));

        for (var i = 0; i < 50; i++) sim.Exchange.Tick();
        await AllBooksMatch(sim, side.Markets, tickers, TimeSpan.FromSeconds(20));

        var clock = Stopwatch.StartNew();
        sim.Exchange.Faults.DropAllConnections();
        await AwaitAssertAsync(async () =>
        {
            var state = await side.Feed.Ask<FeedStateView>(GetFeedState.Instance, TimeSpan.FromSeconds(5));
            Assert.True(state.Disconnects >= 1);
            Assert.True(state.Connected);
        }, TimeSpan.FromSeconds(20));
        for (var i = 0; i < 10; i++) sim.Exchange.Tick();
        await AllBooksMatch(sim, side.Markets, tickers, TimeSpan.FromSeconds(20));
        _output.WriteLine($"all {tickers.Length} books whole and equal to the simulator {clock.ElapsedMilliseconds} ms after the drop");

        var feedState = await side.Feed.Ask<FeedStateView>(GetFeedState.Instance, TimeSpan.FromSeconds(5));
        Assert.Equal(tickers.Length, feedState.TrackedMarkets);
        Assert.True(feedState.MarketMessagesSent > tickers.Length);

        // no odds, so no consensus: nothing may trade
        var view = await side.Markets.Ask<MarketStateView>(new GetMarketState(tickers[0]), TimeSpan.FromSeconds(5));
        Assert.Null(view.FairYes);
        signals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Every market's actor holds a whole book whose top equals the simulator's.</summary>
    private async Task AllBooksMatch(ExchangeSimulator sim, IActorRef markets, IReadOnlyList<string> tickers, TimeSpan within) =>
        await AwaitAssertAsync(async () =>
        {
            foreach (var t in tickers)
            {
                var view = await markets.Ask<MarketStateView>(new GetMarketState(t), TimeSpan.FromSeconds(5));
                var top = sim.Exchange.MarketState(t, withLevels: false)!.Top;
                Assert.True(view.IsWhole, $"{t}: {view.NotWholeReason}");
                Assert.Equal(Level(top.YesBid, top.YesBidSize), view.YesBid);
                Assert.Equal(Level(top.NoBid, top.NoBidSize), view.NoBid);
            }
        }, within, TimeSpan.FromMilliseconds(200));

    private static BookLevel? Level(Price? price, Quantity size) => price is { } p ? new BookLevel(p, size) : null;
}
