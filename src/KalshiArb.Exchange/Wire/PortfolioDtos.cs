namespace KalshiArb.Exchange.Wire;

// Wire shapes of /portfolio endpoints.

public sealed record BalanceDto(long Balance, string BalanceDollars, long PortfolioValue, long UpdatedTs);

public sealed record PositionDto(
    string Ticker,
    string PositionFp,
    string MarketExposureDollars,
    string RealizedPnlDollars,
    string FeesPaidDollars,
    string TotalTradedDollars,
    string LastUpdatedTs);

public sealed record PositionsPageDto(IReadOnlyList<PositionDto> MarketPositions, string Cursor);

public sealed record FillDto(
    string FillId,
    string TradeId,
    string OrderId,
    string? ClientOrderId,
    string Ticker,
    string OutcomeSide,
    string BookSide,
    string CountFp,
    string YesPriceDollars,
    string NoPriceDollars,
    bool IsTaker,
    string FeeCost,
    string CreatedTime,
    long Ts);

public sealed record FillsPageDto(IReadOnlyList<FillDto> Fills, string Cursor);

public sealed record OrderDto(
    string OrderId,
    string? ClientOrderId,
    string Ticker,
    string OutcomeSide,
    string BookSide,
    string Side,
    string Status,
    string YesPriceDollars,
    string NoPriceDollars,
    string FillCountFp,
    string RemainingCountFp,
    string InitialCountFp,
    string TakerFeesDollars,
    string MakerFeesDollars,
    string TimeInForce,
    bool PostOnly,
    string CreatedTime,
    string LastUpdateTime,
    long? TsMs = null);

public sealed record OrderEnvelopeDto(OrderDto Order);

public sealed record OrdersPageDto(IReadOnlyList<OrderDto> Orders, string Cursor);

public sealed record CreateOrderResponseDto(
    string OrderId,
    string? ClientOrderId,
    string FillCount,
    string RemainingCount,
    string Status,
    string? AverageFillPrice,
    string? AverageFeePaid,
    long TsMs);

public sealed record CancelOrderResponseDto(string OrderId, string? ClientOrderId, string ReducedBy, long TsMs);

public sealed record DecreaseOrderResponseDto(string OrderId, string? ClientOrderId, string ReducedBy, string RemainingCount, long TsMs);

public sealed record ErrorBodyDto(string Code, string Message, string? Details);

public sealed record ErrorEnvelopeDto(ErrorBodyDto Error);

public sealed record BatchCreateItemDto(CreateOrderResponseDto? Order, ErrorBodyDto? Error);

public sealed record BatchCreateResponseDto(IReadOnlyList<BatchCreateItemDto> Orders);

public sealed record BatchCancelItemDto(string OrderId, CancelOrderResponseDto? Order, ErrorBodyDto? Error);

public sealed record BatchCancelResponseDto(IReadOnlyList<BatchCancelItemDto> Orders);

public sealed record AmendOrderResponseDto(OrderDto OldOrder, OrderDto Order, long TsMs);
