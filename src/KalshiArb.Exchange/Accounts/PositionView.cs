namespace KalshiArb.Exchange.Accounts;

/// <summary>Immutable copy of a <see cref="PositionState"/>.</summary>
public sealed record PositionView(string Ticker, Quantity Position, Money CostBasis, Money RealizedPnl, Money FeesPaid, Money TotalTraded, long LastUpdatedMs);
