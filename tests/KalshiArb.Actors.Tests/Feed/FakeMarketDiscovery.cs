using KalshiArb.Domain.Fees;
using KalshiArb.Kalshi;
using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Actors.Tests.Feed;

/// <summary>Kalshi discovery from fixed data; a series listed in <see cref="BrokenSeries"/> answers a server error.</summary>
public sealed class FakeMarketDiscovery(IReadOnlyList<KalshiMarket> markets, IReadOnlyList<string>? rejected = null) : IMarketDiscovery
{
    public HashSet<string> BrokenSeries { get; } = [];
    public bool DiscoveryDown { get; set; }
    public int Rounds;

    public Task<KalshiResult<MarketDiscovery>> DiscoverOpenMarketsAsync(IReadOnlyList<string> series, CancellationToken ct)
    {
        Interlocked.Increment(ref Rounds);
        KalshiResult<MarketDiscovery> r = DiscoveryDown
            ? new KalshiError(KalshiErrorKind.ServerError, 503, "service_unavailable", "down", null)
            : new MarketDiscovery(markets.Where(m => series.Contains(m.SeriesTicker)).ToArray(), rejected ?? []);
        return Task.FromResult(r);
    }

    public Task<KalshiResult<KalshiSeries>> GetSeriesAsync(string seriesTicker, CancellationToken ct)
    {
        KalshiResult<KalshiSeries> r = BrokenSeries.Contains(seriesTicker)
            ? new KalshiError(KalshiErrorKind.ServerError, 500, "internal_server_error", "boom", null)
            : new KalshiSeries(seriesTicker, seriesTicker, "Sports", [], FeeSchedule.SportsGame);
        return Task.FromResult(r);
    }

    public static KalshiMarket Market(string ticker, string yesSubTitle, MarketStatus status = MarketStatus.Active)
    {
        var series = ticker[..ticker.IndexOf('-')];
        var evt = ticker[..ticker.LastIndexOf('-')];
        return new KalshiMarket(ticker, evt, series, "binary", yesSubTitle, null, status, status.ToString().ToLowerInvariant(), null,
            null, null, null, null, null, null, null, null, null, null, null, null, PriceGrid.Cents);
    }
}
