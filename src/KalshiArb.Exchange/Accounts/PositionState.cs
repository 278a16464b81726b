namespace KalshiArb.Exchange.Accounts;

/// <summary>An account's net position in one market (YES &gt; 0, NO &lt; 0) and its money so far.</summary>
public sealed class PositionState
{
    public Quantity Position { get; set; }

    /// <summary>What the open position cost (market_exposure_dollars).</summary>
    public Money CostBasis { get; set; }

    public Money RealizedPnl { get; set; }
    public Money FeesPaid { get; set; }
    public Money TotalTraded { get; set; }
    public long LastUpdatedMs { get; set; }
}
