using System.Text;
using System.Text.Json;
using KalshiArb.Domain.Odds;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;
using KalshiArb.Recording.Format;
using KalshiArb.Recording.Reading;

namespace KalshiArb.Adapters.Recording.Common;

/// <summary>
/// What one pass over a recording tells before replaying it: the catalog (from its catalog markers; every later answer
/// for a ticker wins), the tickers its frames carry, its span and counts. A recording without catalog markers (older
/// ones, the synthetic generator's) gets a catalog built from its frames' tickers (<see cref="CatalogRecord.FromTicker"/>),
/// and <see cref="FromMarkers"/> says so.
/// </summary>
public sealed record RecordedCatalog(
    IReadOnlyList<KalshiMarket> Markets,
    IReadOnlyDictionary<string, KalshiSeries> Series,
    bool FromMarkers,
    long FirstTicks,
    long LastTicks,
    long Frames,
    long OddsSnapshots,
    long Markers,
    long BadMarkers,
    ReadStatus Status,
    string? Fault)
{
    /// <summary>The format of the recorded odds answers (an odds-format marker; Decimal, the client's default, when there is none).</summary>
    public OddsFormat OddsFormat { get; init; } = OddsFormat.Decimal;

    public static RecordedCatalog Scan(string directory)
    {
        var markets = new SortedDictionary<string, KalshiMarket>(StringComparer.Ordinal);
        var series = new SortedDictionary<string, KalshiSeries>(StringComparer.Ordinal);
        var frameTickers = new SortedSet<string>(StringComparer.Ordinal);
        var format = OddsFormat.Decimal;
        long first = long.MaxValue, last = long.MinValue, frames = 0, odds = 0, markers = 0, bad = 0;
        using var reader = RecordingReader.Open(directory);
        while (reader.TryRead(out var m))
        {
            first = Math.Min(first, m.ReceivedUtcTicks);
            last = Math.Max(last, m.ReceivedUtcTicks);
            switch (m.Kind)
            {
                case RecordKind.MarketDataFrame:
                    frames++;
                    if (!m.Key.IsEmpty && frameTickers.Count < 100_000) frameTickers.Add(Encoding.UTF8.GetString(m.Key.Span));
                    break;
                case RecordKind.OddsSnapshot:
                    odds++;
                    break;
                case RecordKind.Marker:
                    markers++;
                    if (m.KeyText == CatalogRecord.OddsFormatKey)
                    {
                        if (!Enum.TryParse(Encoding.UTF8.GetString(m.Payload.Span), out format)) bad++;
                    }
                    else if (!TryApply(m, markets, series)) bad++;
                    break;
            }
        }
        var fromMarkers = markets.Count > 0;
        if (!fromMarkers)
            foreach (var t in frameTickers.Where(t => MarketTickerGrammar.IsValid(t)))
            {
                markets[t] = CatalogRecord.FromTicker(t);
                var s = TickerParts.SeriesOf(t);
                if (!series.ContainsKey(s)) series[s] = new KalshiSeries(s, null, null, [], Domain.Fees.FeeSchedule.SportsGame);
            }
        return new RecordedCatalog(markets.Values.ToArray(), series, fromMarkers, first == long.MaxValue ? 0 : first, last == long.MinValue ? 0 : last,
            frames, odds, markers, bad, reader.Status, reader.Fault?.ToString()) { OddsFormat = format };
    }

    private static bool TryApply(RecordedMessage m, SortedDictionary<string, KalshiMarket> markets, SortedDictionary<string, KalshiSeries> series)
    {
        try
        {
            switch (m.KeyText)
            {
                case CatalogRecord.MarketsKey:
                    foreach (var market in CatalogRecord.DecodeMarkets(m.Payload.Span).Markets) markets[market.Ticker] = market;
                    return true;
                case CatalogRecord.SeriesKey:
                    var s = CatalogRecord.DecodeSeries(m.Payload.Span);
                    series[s.Ticker] = s;
                    return true;
                default:
                    return true; // another marker: not ours to read
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    public MarketDiscovery Discovery => new(Markets, []);
}
