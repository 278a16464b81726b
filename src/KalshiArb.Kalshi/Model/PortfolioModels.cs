namespace KalshiArb.Kalshi.Model;

public sealed record KalshiBalance(Money Balance, Money? PortfolioValue, long? UpdatedTs);

/// <summary>Position &gt; 0 is YES contracts, &lt; 0 NO contracts.</summary>
public sealed record KalshiPosition(string Ticker, Quantity Position, Money Exposure, Money RealizedPnl, Money FeesPaid);

public sealed record KalshiFill(
    string TradeId,
    string? FillId,
    string OrderId,
    string? ClientOrderId,
    string Ticker,
    OutcomeSide? Outcome,
    OrderSide? Side,
    Quantity Count,
    Price YesPrice,
    Price? NoPrice,
    bool IsTaker,
    Money Fee,
    long? Ts);

public enum KalshiOrderStatus { Unknown = 0, Resting, Canceled, Executed, Pending }

public sealed record KalshiOrder(
    string OrderId,
    string? ClientOrderId,
    string Ticker,
    OutcomeSide? Outcome,
    OrderSide? Side,
    KalshiOrderStatus Status,
    string? StatusText,
    Price? YesPrice,
    Price? NoPrice,
    Quantity FillCount,
    Quantity RemainingCount,
    Quantity? InitialCount,
    Money TakerFees,
    Money MakerFees,
    DateTimeOffset? CreatedTime,
    DateTimeOffset? LastUpdateTime)
{
    public bool IsTerminal => Status is KalshiOrderStatus.Canceled or KalshiOrderStatus.Executed;
}

/// <summary>Reply to a V2 create.</summary>
public sealed record OrderAck(string OrderId, string? ClientOrderId, Quantity FillCount, Quantity RemainingCount,
    Price? AverageFillPrice, Money? AverageFeePaid, long? TsMs);

/// <summary>Reply to a cancel or decrease: how much resting size went away.</summary>
public sealed record CancelAck(string OrderId, string? ClientOrderId, Quantity ReducedBy, long? TsMs);

public sealed record AmendAck(string OrderId, string? ClientOrderId, Price? Price, Quantity? RemainingCount, long? TsMs);

/// <summary>One entry of a batched create or cancel: an ack or that entry's own error.</summary>
public sealed record BatchItemResult<T>(string? Id, T? Ack, Errors.KalshiError? Error) where T : class;
