using KalshiArb.Kalshi;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Actors.Feed;

/// <summary>What discovery needs of Kalshi's REST API (the client in production, a fake in specs).</summary>
public interface IMarketDiscovery
{
    Task<KalshiResult<MarketDiscovery>> DiscoverOpenMarketsAsync(IReadOnlyList<string> series, CancellationToken ct);

    Task<KalshiResult<KalshiSeries>> GetSeriesAsync(string seriesTicker, CancellationToken ct);
}
