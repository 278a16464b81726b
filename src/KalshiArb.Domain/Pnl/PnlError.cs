namespace KalshiArb.Domain.Pnl;

/// <summary>Why the ledger refused an event (the ledger is unchanged; the caller counts it).</summary>
public enum PnlError
{
    None = 0,
    MissingTicker,
    InvalidPrice,
    InvalidCount,
    NegativeFee,
    /// <summary>A fill after the market settled: Kalshi trades nothing once a market is determined.</summary>
    FillAfterSettlement,
    /// <summary>The market settled already; a redelivered settlement changes nothing.</summary>
    AlreadySettled,
}
