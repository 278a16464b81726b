namespace KalshiArb.Exchange.Accounts;

/// <summary>One fill as the owning account sees it.</summary>
public sealed record FillRecord(
    string FillId,
    string TradeId,
    string OrderId,
    string? ClientOrderId,
    string Ticker,
    OutcomeSide OutcomeSide,
    Price YesPrice,
    Quantity Count,
    bool IsTaker,
    Money Fee,
    Quantity PostPosition,
    long TimestampMs);
