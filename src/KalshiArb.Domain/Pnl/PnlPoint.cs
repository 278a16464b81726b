namespace KalshiArb.Domain.Pnl;

/// <summary>Total realized P&amp;L (after fees) right after one event.</summary>
public readonly record struct PnlPoint(DateTimeOffset At, Money Realized);
