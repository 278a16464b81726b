using KalshiArb.Actors.Feed;
using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Kalshi;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;
using KalshiArb.Recording.Recorder;

namespace KalshiArb.Adapters.Recording.Providers;

/// <summary>
/// Discovery as usual (<paramref name="inner"/>), and each successful answer also written to the recording as a catalog
/// marker (<see cref="CatalogRecord"/>), so a replay can rebuild the same catalog offline.
/// </summary>
public sealed class RecordingMarketDiscovery(IMarketDiscovery inner, MarketDataRecorder recorder, TimeProvider clock) : IMarketDiscovery
{
    public async Task<KalshiResult<MarketDiscovery>> DiscoverOpenMarketsAsync(IReadOnlyList<string> series, CancellationToken ct)
    {
        var r = await inner.DiscoverOpenMarketsAsync(series, ct).ConfigureAwait(false);
        if (r.IsSuccess) recorder.RecordMarker(CatalogRecord.MarketsKey, CatalogRecord.Encode(r.Value), clock.GetUtcNow());
        return r;
    }

    public async Task<KalshiResult<KalshiSeries>> GetSeriesAsync(string seriesTicker, CancellationToken ct)
    {
        var r = await inner.GetSeriesAsync(seriesTicker, ct).ConfigureAwait(false);
        if (r.IsSuccess) recorder.RecordMarker(CatalogRecord.SeriesKey, CatalogRecord.Encode(r.Value), clock.GetUtcNow());
        return r;
    }
}
