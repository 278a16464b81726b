using System.Text.Json.Serialization;

namespace KalshiArb.Kalshi.Wire;

public sealed record PriceRangeDto(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Start,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? End,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Step);

/// <summary>GET /markets item. title/subtitle are deprecated and deliberately not read.</summary>
public sealed record MarketDto
{
    public string? Ticker { get; init; }
    public string? EventTicker { get; init; }
    public string? MarketType { get; init; }
    public string? YesSubTitle { get; init; }
    public string? NoSubTitle { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? YesBidDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? YesAskDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? NoBidDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? NoAskDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? YesBidSizeFp { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? YesAskSizeFp { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? LastPriceDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? VolumeFp { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? OpenInterestFp { get; init; }
    public string? OpenTime { get; init; }
    public string? CloseTime { get; init; }
    public string? ExpectedExpirationTime { get; init; }
    public string? Status { get; init; }
    public string? Result { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? SettlementValueDollars { get; init; }
    public List<PriceRangeDto>? PriceRanges { get; init; }
    public bool? FractionalTradingEnabled { get; init; }
    public string? PriceLevelStructure { get; init; }
}

public sealed record MarketsPageDto(List<MarketDto>? Markets, string? Cursor);

public sealed record MarketEnvelopeDto(MarketDto? Market);

/// <summary>Levels are [price_dollars, count_fp] pairs; bids only, ascending, best last.</summary>
public sealed record OrderbookFpDto(List<List<string>>? YesDollars, List<List<string>>? NoDollars);

public sealed record OrderbookEnvelopeDto(OrderbookFpDto? OrderbookFp);

public sealed record SeriesDto
{
    public string? Ticker { get; init; }
    public string? Title { get; init; }
    public string? Category { get; init; }
    public List<string>? Tags { get; init; }
    public string? FeeType { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? FeeMultiplier { get; init; }
}

public sealed record SeriesListDto(List<SeriesDto>? Series);

public sealed record SeriesEnvelopeDto(SeriesDto? Series);
