namespace KalshiArb.Domain.Pnl;

/// <summary>
/// Which markets a settlement catch-up asks the exchange about: every market the book holds that has not settled,
/// including flat ones (their orders with fills still wait for their payout). Sorted, so checks run in a stable order.
/// </summary>
public static class SettlementCheck
{
    public static IReadOnlyList<string> TickersToCheck(IEnumerable<PnlPosition> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        return positions.Where(p => !p.Settled && !string.IsNullOrEmpty(p.Ticker))
            .Select(p => p.Ticker).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }
}
