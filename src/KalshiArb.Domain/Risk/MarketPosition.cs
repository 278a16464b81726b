namespace KalshiArb.Domain.Risk;

/// <summary>
/// Net position in one market: Contracts &gt; 0 is YES, &lt; 0 is NO (Kalshi's position_fp convention).
/// CostBasis is what the open contracts cost including fees: the most they can lose.
/// </summary>
public sealed record MarketPosition(string Ticker, Quantity Contracts, Money CostBasis);
