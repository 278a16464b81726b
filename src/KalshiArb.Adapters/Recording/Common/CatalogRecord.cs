using System.Text.Json;
using System.Text.Json.Serialization;
using KalshiArb.Domain.Fees;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Adapters.Recording.Common;

/// <summary>
/// The catalog markers a recording holds so replay can rebuild the market catalog without Kalshi's REST API (FORMAT.md,
/// "Catalog markers"): one <see cref="SeriesKey"/> marker per series read (its fee rule) and one <see cref="MarketsKey"/>
/// marker per discovery answer (the markets' metadata). JSON, integers and enum names only (prices in ticks).
/// </summary>
public static class CatalogRecord
{
    public const string SeriesKey = "catalog.series.v1";
    public const string MarketsKey = "catalog.markets.v1";

    /// <summary>The odds format the recorded odds answers are in (the payload is the <see cref="Domain.Odds.OddsFormat"/> name, e.g. "Decimal").</summary>
    public const string OddsFormatKey = "odds.format.v1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record SeriesEntry(string Ticker, string? Title, string? Category, FeeType FeeType, int FeeMultiplierTenThousandths);

    public sealed record GridEntry(int Start, int End, int Step);

    public sealed record MarketEntry(string Ticker, string EventTicker, string SeriesTicker, string? MarketType, string? YesSubTitle,
        string? NoSubTitle, MarketStatus Status, DateTimeOffset? OpenTime, DateTimeOffset? CloseTime, DateTimeOffset? ExpectedExpirationTime,
        IReadOnlyList<GridEntry> Grid, bool Fractional);

    public sealed record MarketsEntry(IReadOnlyList<MarketEntry> Markets, IReadOnlyList<string> Rejected, IReadOnlyList<string> InvalidTickers);

    public static byte[] Encode(KalshiSeries s) =>
        JsonSerializer.SerializeToUtf8Bytes(new SeriesEntry(s.Ticker, s.Title, s.Category, s.Fees.Type, s.Fees.MultiplierTenThousandths), Json);

    public static byte[] Encode(MarketDiscovery d) =>
        JsonSerializer.SerializeToUtf8Bytes(new MarketsEntry(d.Markets.Select(Entry).ToArray(), d.Rejected, d.InvalidTickers), Json);

    public static KalshiSeries DecodeSeries(ReadOnlySpan<byte> payload)
    {
        var e = JsonSerializer.Deserialize<SeriesEntry>(payload, Json) ?? throw new JsonException("empty series marker");
        return new KalshiSeries(e.Ticker, e.Title, e.Category, [], new FeeSchedule(e.FeeType, e.FeeMultiplierTenThousandths));
    }

    public static MarketDiscovery DecodeMarkets(ReadOnlySpan<byte> payload)
    {
        var e = JsonSerializer.Deserialize<MarketsEntry>(payload, Json) ?? throw new JsonException("empty markets marker");
        return new MarketDiscovery(e.Markets.Select(Market).ToArray(), e.Rejected) { InvalidTickers = e.InvalidTickers };
    }

    /// <summary>A market known only by its ticker (a recording without catalog markers): open, cent grid, no subtitles.</summary>
    public static KalshiMarket FromTicker(string ticker) =>
        new(ticker, ticker.LastIndexOf('-') is > 0 and var dash ? ticker[..dash] : ticker, TickerParts.SeriesOf(ticker), "binary", null, null,
            MarketStatus.Open, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, PriceGrid.Cents);

    private static MarketEntry Entry(KalshiMarket m) =>
        new(m.Ticker, m.EventTicker, m.SeriesTicker, m.MarketType, m.YesSubTitle, m.NoSubTitle, m.Status, m.OpenTime, m.CloseTime,
            m.ExpectedExpirationTime, m.PriceGrid.Ranges.Select(r => new GridEntry(r.Start.Ticks, r.End.Ticks, r.Step.Ticks)).ToArray(),
            m.FractionalTradingEnabled);

    private static KalshiMarket Market(MarketEntry e) =>
        new(e.Ticker, e.EventTicker, e.SeriesTicker, e.MarketType, e.YesSubTitle, e.NoSubTitle, e.Status, null, null, null, null, null, null, null,
            null, null, null, null, e.OpenTime, e.CloseTime, e.ExpectedExpirationTime,
            new PriceGrid(e.Grid.Select(g => new PriceRange(new Price(g.Start), new Price(g.End), new Price(g.Step)))), e.Fractional);
}
