using KalshiArb.Actors.Feed;
using KalshiArb.Kalshi;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Adapters.Kalshi.Providers;

/// <summary>Market discovery through Kalshi's REST client: the open markets of the followed series and their series rules.</summary>
public sealed class KalshiMarketDiscovery(KalshiRestClient client) : IMarketDiscovery
{
    public Task<KalshiResult<MarketDiscovery>> DiscoverOpenMarketsAsync(IReadOnlyList<string> series, CancellationToken ct) =>
        client.DiscoverMarketsAsync(series, "open", ct);

    public Task<KalshiResult<KalshiSeries>> GetSeriesAsync(string seriesTicker, CancellationToken ct) =>
        client.GetSeriesAsync(seriesTicker, ct);
}
