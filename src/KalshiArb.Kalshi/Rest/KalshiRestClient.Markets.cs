using KalshiArb.Kalshi.Wire;

namespace KalshiArb.Kalshi.Rest;

public sealed partial class KalshiRestClient
{
    /// <summary>One raw page of GET /markets (items that fail conversion are reported in Rejected by discovery, here they fail the page).</summary>
    public Task<KalshiResult<Page<KalshiMarket>>> GetMarketsPageAsync(string? seriesTicker = null, string? status = null, string? cursor = null,
        string? eventTicker = null, IEnumerable<string>? tickers = null, int? limit = null, CancellationToken ct = default) =>
        SendAsync(Get("/markets", Query(("limit", (limit ?? Options.PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("cursor", cursor), ("series_ticker", seriesTicker), ("event_ticker", eventTicker), ("status", status),
                ("tickers", tickers is null ? null : string.Join(',', tickers)))),
            KalshiJsonContext.Default.MarketsPageDto, dto => MapPage(dto.Markets, dto.Cursor, WireMapper.ToMarket), ct);

    /// <summary>
    /// Every market of the given series (default: options' series) with the given status, following
    /// cursors. Keeps only markets whose series is exactly one asked for: a server or proxy that
    /// prefix-matches cannot leak spreads/props series in. Malformed markets are skipped and listed.
    /// </summary>
    public async Task<KalshiResult<MarketDiscovery>> DiscoverMarketsAsync(IEnumerable<string>? series = null, string? status = "open", CancellationToken ct = default)
    {
        var wanted = new HashSet<string>(series ?? Options.Series, StringComparer.Ordinal);
        var markets = new List<KalshiMarket>();
        var rejected = new List<string>();
        var invalidTickers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in wanted)
        {
            string? cursor = null;
            var pages = 0;
            do
            {
                var query = Query(("limit", Options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("cursor", cursor), ("series_ticker", s), ("status", status));
                var page = await SendAsync(Get("/markets", query), KalshiJsonContext.Default.MarketsPageDto,
                    dto => KalshiResult<MarketsPageDto>.Ok(dto), ct).ConfigureAwait(false);
                if (!page.IsSuccess) return page.Error;
                foreach (var dto in page.Value.Markets ?? [])
                {
                    if (dto is null)
                    {
                        rejected.Add("(none): null market entry");
                        continue;
                    }
                    // a corrupted ticker must never become a market, a book or a subscription
                    if (MarketTickerGrammar.Check(dto.Ticker.AsSpan()) is var fault and not TickerFault.None)
                    {
                        invalidTickers.Add($"{MarketTickerGrammar.Printable(dto.Ticker)}: {fault}");
                        continue;
                    }
                    var m = WireMapper.ToMarket(dto);
                    if (!m.IsSuccess)
                    {
                        rejected.Add($"{dto.Ticker}: {m.Error.Message}");
                        continue;
                    }
                    if (!wanted.Contains(m.Value.SeriesTicker) || !TickerParts.SeriesOf(m.Value.Ticker).SequenceEqual(m.Value.SeriesTicker))
                    {
                        rejected.Add($"{dto.Ticker}: series {m.Value.SeriesTicker} not configured");
                        continue;
                    }
                    if (seen.Add(m.Value.Ticker)) markets.Add(m.Value);
                }
                cursor = CursorOrNull(page.Value.Cursor);
                // a server echoing the same cursor forever must not hang discovery
                if (++pages > 10_000) return Errors.KalshiError.Malformed("GET /markets: cursor never ended");
            } while (cursor is not null);
        }
        return new MarketDiscovery(markets, rejected) { InvalidTickers = invalidTickers };
    }

    public Task<KalshiResult<KalshiMarket>> GetMarketAsync(string ticker, CancellationToken ct = default) =>
        SendAsync(Get($"/markets/{Seg(ticker)}"), KalshiJsonContext.Default.MarketEnvelopeDto,
            dto => dto.Market is null ? Errors.KalshiError.Malformed("GET /markets/{ticker}: no market") : WireMapper.ToMarket(dto.Market), ct);

    public Task<KalshiResult<KalshiOrderbook>> GetOrderbookAsync(string ticker, int? depth = null, CancellationToken ct = default) =>
        SendAsync(Get($"/markets/{Seg(ticker)}/orderbook", Query(("depth", depth?.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            KalshiJsonContext.Default.OrderbookEnvelopeDto, dto => WireMapper.ToOrderbook(ticker, dto.OrderbookFp), ct);

    public Task<KalshiResult<KalshiSeries>> GetSeriesAsync(string seriesTicker, CancellationToken ct = default) =>
        SendAsync(Get($"/series/{Seg(seriesTicker)}"), KalshiJsonContext.Default.SeriesEnvelopeDto,
            dto => dto.Series is null ? Errors.KalshiError.Malformed("GET /series/{ticker}: no series") : WireMapper.ToSeries(dto.Series), ct);

    public Task<KalshiResult<Page<KalshiSeries>>> GetSeriesListAsync(string? category = null, CancellationToken ct = default) =>
        SendAsync(Get("/series", Query(("category", category))), KalshiJsonContext.Default.SeriesListDto,
            dto => MapPage(dto.Series, null, WireMapper.ToSeries), ct);
}
