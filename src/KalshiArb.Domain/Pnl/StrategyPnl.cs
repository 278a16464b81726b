namespace KalshiArb.Domain.Pnl;

/// <summary>
/// One detection strategy's share of the desk: orders that filled, orders that ended (seen since this node started),
/// and realized P&amp;L after fees with the fees paid, as if the strategy had its own account.
/// </summary>
public sealed record StrategyPnl(string StrategyId, int OrdersFilled, int OrdersEnded, Money Realized, Money Fees);
