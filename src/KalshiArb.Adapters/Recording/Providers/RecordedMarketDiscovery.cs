using KalshiArb.Actors.Feed;
using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Kalshi;
using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Adapters.Recording.Providers;

/// <summary>Discovery in a replay: the catalog the recording holds, for every round (only the followed series' markets).</summary>
public sealed class RecordedMarketDiscovery(RecordedCatalog catalog) : IMarketDiscovery
{
    public Task<KalshiResult<MarketDiscovery>> DiscoverOpenMarketsAsync(IReadOnlyList<string> series, CancellationToken ct)
    {
        var wanted = new HashSet<string>(series, StringComparer.Ordinal);
        var markets = catalog.Markets.Where(m => wanted.Contains(m.SeriesTicker)).ToArray();
        return Task.FromResult(KalshiResult<MarketDiscovery>.Ok(new MarketDiscovery(markets, [])));
    }

    public Task<KalshiResult<KalshiSeries>> GetSeriesAsync(string seriesTicker, CancellationToken ct) =>
        Task.FromResult(catalog.Series.TryGetValue(seriesTicker, out var s)
            ? KalshiResult<KalshiSeries>.Ok(s)
            : KalshiResult<KalshiSeries>.Fail(new KalshiError(KalshiErrorKind.NotFound, 404, "not_recorded", $"series {seriesTicker} is not in the recording", null)));
}
