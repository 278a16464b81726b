using KalshiArb.Actors.Market;
using KalshiArb.Domain.Fees;
using KalshiArb.Kalshi.Model;

namespace KalshiArb.Actors.Feed;

/// <summary>
/// One discovery round: the configured series' fee rules, then their open markets, joined into
/// <see cref="MarketMetadata"/>. A market whose series cannot be read is left out (fees are never guessed).
/// </summary>
public static class MarketCatalogStep
{
    public static async Task<CatalogResult> RunAsync(IMarketDiscovery discovery, IReadOnlyList<string> series, long nowMs, CancellationToken ct)
    {
        var rejected = new List<CatalogRejection>();
        var fees = new Dictionary<string, FeeSchedule>(StringComparer.Ordinal);
        foreach (var s in series)
        {
            var r = await discovery.GetSeriesAsync(s, ct).ConfigureAwait(false);
            if (r.IsSuccess) fees[s] = r.Value.Fees;
            else rejected.Add(new CatalogRejection(s, CatalogRejectReason.SeriesUnavailable, r.Error.ToString()));
        }

        var found = await discovery.DiscoverOpenMarketsAsync(series, ct).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            rejected.Add(new CatalogRejection(string.Join(",", series), CatalogRejectReason.DiscoveryFailed, found.Error.ToString()));
            return new CatalogResult([], rejected, nowMs);
        }

        foreach (var text in found.Value.Rejected)
            rejected.Add(new CatalogRejection(text.Split(':', 2)[0], CatalogRejectReason.MalformedMarket, text));
        foreach (var text in found.Value.InvalidTickers)
            rejected.Add(new CatalogRejection(text.Split(':', 2)[0], CatalogRejectReason.InvalidTicker, text));

        var markets = new List<MarketMetadata>(found.Value.Markets.Count);
        foreach (var m in found.Value.Markets)
        {
            // checked again here: a discovery source other than our REST client may not have
            if (MarketTickerGrammar.Check(m.Ticker.AsSpan()) is var fault and not TickerFault.None)
            {
                var printable = MarketTickerGrammar.Printable(m.Ticker);
                rejected.Add(new CatalogRejection(printable, CatalogRejectReason.InvalidTicker, $"{printable}: {fault}"));
                continue;
            }
            if (!fees.TryGetValue(m.SeriesTicker, out var fee))
            {
                rejected.Add(new CatalogRejection(m.Ticker, CatalogRejectReason.SeriesUnavailable, $"no fee rule for series {m.SeriesTicker}"));
                continue;
            }
            markets.Add(new MarketMetadata(m.Ticker, m.EventTicker, m.SeriesTicker, m.YesSubTitle, fee.Type, fee.MultiplierTenThousandths,
                m.PriceGrid.Ranges.ToArray(), FeedEventMapper.StatusOf(m.Status), GameStart: null, m.FractionalTradingEnabled));
        }
        return new CatalogResult(markets, rejected, nowMs);
    }
}
