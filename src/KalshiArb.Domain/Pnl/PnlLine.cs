namespace KalshiArb.Domain.Pnl;

/// <summary>
/// P&amp;L of one market, one game or the total. Realized is after fees (every fee paid counts as soon as it is paid);
/// the unrealized figures are the open contracts' value at the mark minus their cost basis, null when a needed mark is missing.
/// Contracts is the net position for a market (YES &gt; 0, NO &lt; 0) and zero for a game or the total.
/// </summary>
public sealed record PnlLine(string Key, Quantity Contracts, Money CostBasis, Money Realized, Money Fees, Money? UnrealizedAtMid, Money? UnrealizedAtFair);
