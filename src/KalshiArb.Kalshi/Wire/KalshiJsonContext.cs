using System.Text.Json.Serialization;

namespace KalshiArb.Kalshi.Wire;

/// <summary>Source-generated (reflection-free) serializers for every REST body.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MarketsPageDto))]
[JsonSerializable(typeof(MarketEnvelopeDto))]
[JsonSerializable(typeof(OrderbookEnvelopeDto))]
[JsonSerializable(typeof(SeriesListDto))]
[JsonSerializable(typeof(SeriesEnvelopeDto))]
[JsonSerializable(typeof(BalanceDto))]
[JsonSerializable(typeof(PositionsPageDto))]
[JsonSerializable(typeof(FillsPageDto))]
[JsonSerializable(typeof(OrdersPageDto))]
[JsonSerializable(typeof(OrderEnvelopeDto))]
[JsonSerializable(typeof(CreateOrderRequestDto))]
[JsonSerializable(typeof(CreateOrderResponseDto))]
[JsonSerializable(typeof(CancelOrderResponseDto))]
[JsonSerializable(typeof(DecreaseOrderRequestDto))]
[JsonSerializable(typeof(AmendOrderRequestDto))]
[JsonSerializable(typeof(AmendOrderResponseDto))]
[JsonSerializable(typeof(BatchCreateOrdersRequestDto))]
[JsonSerializable(typeof(BatchCreateOrdersResponseDto))]
[JsonSerializable(typeof(BatchCancelOrdersRequestDto))]
[JsonSerializable(typeof(BatchCancelOrdersResponseDto))]
public sealed partial class KalshiJsonContext : JsonSerializerContext;
