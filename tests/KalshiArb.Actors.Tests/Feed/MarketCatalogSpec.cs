using KalshiArb.Domain.Fees;
using KalshiArb.Kalshi.Model;

namespace KalshiArb.Actors.Tests.Feed;

public sealed class MarketCatalogSpec : TestKit
{
    private const string Okc = "KXNBAGAME-26FEB07HOUOKC-OKC";
    private const string Hou = "KXNBAGAME-26FEB07HOUOKC-HOU";
    private const string Phi = "KXNFLGAME-26SEP20PHITEN-PHI";

    private static readonly MarketCatalogSettings Settings = new() { Series = ["KXNBAGAME", "KXNFLGAME"], RefreshInterval = null };

    [Fact]
    public void Sends_metadata_with_the_series_fee_rule_to_each_market_and_tells_subscribers()
    {
        var discovery = new FakeMarketDiscovery([
            FakeMarketDiscovery.Market(Okc, "Oklahoma City"),
            FakeMarketDiscovery.Market(Hou, "Houston", MarketStatus.Paused),
        ]);
        var markets = CreateTestProbe();
        var subscriber = CreateTestProbe();
        Sys.ActorOf(MarketCatalog.Props(discovery, markets, [subscriber], Settings));

        var okc = markets.ExpectMsg<MarketMetadata>();
        var hou = markets.ExpectMsg<MarketMetadata>();
        Assert.Equal((Okc, "KXNBAGAME-26FEB07HOUOKC", "KXNBAGAME", "Oklahoma City"), (okc.Ticker, okc.EventTicker, okc.SeriesTicker, okc.YesSubTitle));
        Assert.Equal(FeeSchedule.SportsGame, okc.Fees);
        Assert.Equal([PriceRange.CentGrid], okc.PriceRanges);
        Assert.Equal(MarketTradingStatus.Open, okc.Status);
        Assert.Equal(MarketTradingStatus.Paused, hou.Status);

        var discovered = subscriber.ExpectMsg<MarketsDiscovered>();
        Assert.Equal([Okc, Hou], discovered.Markets.Select(m => m.Ticker));
    }

    [Fact]
    public void Leaves_out_markets_whose_series_fee_rule_cannot_be_read()
    {
        var discovery = new FakeMarketDiscovery(
            [FakeMarketDiscovery.Market(Okc, "Oklahoma City"), FakeMarketDiscovery.Market(Phi, "Philadelphia")],
            ["KXNBAGAME-BAD-X: price_ranges: empty"]);
        discovery.BrokenSeries.Add("KXNFLGAME");
        var markets = CreateTestProbe();
        var catalog = Sys.ActorOf(MarketCatalog.Props(discovery, markets, [], Settings));

        Assert.Equal(Okc, markets.ExpectMsg<MarketMetadata>().Ticker);
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        catalog.Tell(GetCatalog.Instance);
        var last = ExpectMsg<CatalogSnapshot>().Last!;
        Assert.Equal([Okc], last.Markets.Select(m => m.Ticker));
        Assert.Contains(last.Rejected, r => r is { Subject: "KXNFLGAME", Reason: CatalogRejectReason.SeriesUnavailable });
        Assert.Contains(last.Rejected, r => r is { Subject: Phi, Reason: CatalogRejectReason.SeriesUnavailable });
        Assert.Contains(last.Rejected, r => r is { Subject: "KXNBAGAME-BAD-X", Reason: CatalogRejectReason.MalformedMarket });
    }

    [Fact]
    public void A_failed_discovery_sends_nothing_and_a_refresh_on_request_answers_the_asker()
    {
        var discovery = new FakeMarketDiscovery([FakeMarketDiscovery.Market(Okc, "Oklahoma City")]) { DiscoveryDown = true };
        var markets = CreateTestProbe();
        var catalog = Sys.ActorOf(MarketCatalog.Props(discovery, markets, [], Settings));
        AwaitAssert(() =>
        {
            catalog.Tell(GetCatalog.Instance);
            var first = ExpectMsg<CatalogSnapshot>().Last;
            Assert.NotNull(first);
            Assert.Contains(first.Rejected, r => r.Reason == CatalogRejectReason.DiscoveryFailed);
        });
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        discovery.DiscoveryDown = false;
        catalog.Tell(RefreshCatalog.Instance);
        var result = ExpectMsg<CatalogResult>();
        Assert.Equal([Okc], result.Markets.Select(m => m.Ticker));
        Assert.Equal(Okc, markets.ExpectMsg<MarketMetadata>().Ticker);
    }
}
