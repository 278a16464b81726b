using System.Text.Json.Serialization;

namespace KalshiArb.Kalshi.Wire;

public sealed record BalanceDto
{
    /// <summary>Integer cents (still sent); balance_dollars is preferred when present.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Balance { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? BalanceDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? PortfolioValue { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? UpdatedTs { get; init; }
}

public sealed record MarketPositionDto
{
    public string? Ticker { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? PositionFp { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? MarketExposureDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? RealizedPnlDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? FeesPaidDollars { get; init; }
}

public sealed record PositionsPageDto(List<MarketPositionDto>? MarketPositions, string? Cursor);

public sealed record FillDto
{
    public string? FillId { get; init; }
    public string? TradeId { get; init; }
    public string? OrderId { get; init; }
    public string? ClientOrderId { get; init; }
    public string? Ticker { get; init; }
    public string? OutcomeSide { get; init; }
    public string? BookSide { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? CountFp { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? YesPriceDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? NoPriceDollars { get; init; }
    public bool? IsTaker { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? FeeCost { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Ts { get; init; }
}

public sealed record FillsPageDto(List<FillDto>? Fills, string? Cursor);
