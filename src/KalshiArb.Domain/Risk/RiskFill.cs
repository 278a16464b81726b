namespace KalshiArb.Domain.Risk;

/// <summary>A fill as the gate sees it. Price in the side's own terms; Fee is this fill's fee.</summary>
public sealed record RiskFill(string ExecutionId, string TradeId, string Ticker, OutcomeSide Side, Quantity Count, Price Price, Money Fee);
