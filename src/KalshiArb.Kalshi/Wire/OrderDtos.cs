using System.Text.Json.Serialization;

namespace KalshiArb.Kalshi.Wire;

public sealed record OrderDto
{
    public string? OrderId { get; init; }
    public string? ClientOrderId { get; init; }
    public string? Ticker { get; init; }
    public string? OutcomeSide { get; init; }
    public string? BookSide { get; init; }
    /// <summary>Some servers repeat book_side as "side".</summary>
    public string? Side { get; init; }
    public string? Status { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? YesPriceDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? NoPriceDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? FillCountFp { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? RemainingCountFp { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? InitialCountFp { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? TakerFeesDollars { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? MakerFeesDollars { get; init; }
    public string? CreatedTime { get; init; }
    public string? LastUpdateTime { get; init; }
}

public sealed record OrdersPageDto(List<OrderDto>? Orders, string? Cursor);

public sealed record OrderEnvelopeDto(OrderDto? Order);

/// <summary>V2 create body: side is relative to YES (bid = buy YES, ask = sell YES); numbers are strings.</summary>
public sealed record CreateOrderRequestDto
{
    public required string Ticker { get; init; }
    public required string ClientOrderId { get; init; }
    public required string Side { get; init; }
    public required string Count { get; init; }
    public required string Price { get; init; }
    public required string TimeInForce { get; init; }
    public string? SelfTradePreventionType { get; init; }
    public string? ExpirationTime { get; init; }
    public bool? PostOnly { get; init; }
    public bool? ReduceOnly { get; init; }
}

public sealed record CreateOrderResponseDto
{
    public string? OrderId { get; init; }
    public string? ClientOrderId { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? FillCount { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? RemainingCount { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? AverageFillPrice { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? AverageFeePaid { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? TsMs { get; init; }
}

/// <summary>Reply to cancel and decrease.</summary>
public sealed record CancelOrderResponseDto
{
    public string? OrderId { get; init; }
    public string? ClientOrderId { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? ReducedBy { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? TsMs { get; init; }
}

/// <summary>Exactly one of reduce_by / reduce_to.</summary>
public sealed record DecreaseOrderRequestDto(string? ReduceBy, string? ReduceTo);

/// <summary>UNCONFIRMED V2 amend body: new price and/or total count, optional new client id.</summary>
public sealed record AmendOrderRequestDto
{
    public string? Ticker { get; init; }
    public string? Price { get; init; }
    public string? Count { get; init; }
    public string? UpdatedClientOrderId { get; init; }
}

/// <summary>Amend reply: either {old_order, order, ts_ms} or flat order fields (UNCONFIRMED); both are read.</summary>
public sealed record AmendOrderResponseDto
{
    public OrderDto? OldOrder { get; init; }
    public OrderDto? Order { get; init; }
    public string? OrderId { get; init; }
    public string? ClientOrderId { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Price { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? RemainingCount { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? TsMs { get; init; }
}

public sealed record BatchCreateOrdersRequestDto(List<CreateOrderRequestDto> Orders);

public sealed record BatchCreateItemDto
{
    public string? ClientOrderId { get; init; }
    public CreateOrderResponseDto? Order { get; init; }
    public ErrorDetailDto? Error { get; init; }
}

public sealed record BatchCreateOrdersResponseDto(List<BatchCreateItemDto>? Orders);

public sealed record BatchCancelOrdersRequestDto(List<string> Ids);

public sealed record BatchCancelItemDto
{
    public string? OrderId { get; init; }
    public CancelOrderResponseDto? Order { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? ReducedBy { get; init; }
    public ErrorDetailDto? Error { get; init; }
}

public sealed record BatchCancelOrdersResponseDto(List<BatchCancelItemDto>? Orders);

public sealed record ErrorDetailDto
{
    public string? Code { get; init; }
    public string? Message { get; init; }
    public string? Details { get; init; }
}
