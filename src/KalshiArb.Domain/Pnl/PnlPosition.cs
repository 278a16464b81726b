namespace KalshiArb.Domain.Pnl;

/// <summary>
/// One market's account as Kalshi keeps it: net contracts (YES &gt; 0, NO &lt; 0), what the open ones cost, realized P&amp;L
/// before fees (Kalshi's realized_pnl) and fees paid (fees_paid). CashFlow is every dollar in and out, fees included.
/// </summary>
public sealed record PnlPosition(string Ticker, string Game, Quantity Contracts, Money CostBasis, Money RealizedBeforeFees, Money Fees,
    Money CashFlow, bool Settled)
{
    /// <summary>Realized after fees: what the ledger reports.</summary>
    public Money Realized => RealizedBeforeFees - Fees;

    /// <summary>Open contracts valued at a YES price, minus their cost basis.</summary>
    public Money UnrealizedAt(Price yes) =>
        Contracts.IsZero ? Money.Zero
        : Contracts.IsPositive ? Money.Notional(yes, Contracts) - CostBasis
        : Money.Notional(yes.Complement, Contracts.Abs) - CostBasis;
}
