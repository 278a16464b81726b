namespace KalshiArb.Domain.Fees;

/// <summary>
/// The lowest price at which a position can be sold back (as a taker, same side) without a loss.
/// A position with no such price ≤ 0.99 should never be opened.
/// </summary>
public static class BreakEvenExit
{
    private const int LowestCent = 1;
    private const int HighestCent = 99;

    /// <summary>
    /// Lowest cent price X in 0.01..0.99 with X·C − takerFee(C, X) ≥ entry notional + entry fee; null when none.
    /// </summary>
    public static Price? LowestExitPrice(Price entryPrice, Quantity count, Money entryFee, FeeSchedule fees) =>
        LowestExitPrice(count, Money.Notional(entryPrice, count) + entryFee, fees);

    /// <summary>As above, from the total entry cost already paid (notional + fees).</summary>
    public static Price? LowestExitPrice(Quantity count, Money entryCost, FeeSchedule fees)
    {
        if (count.Hundredths <= 0) return null;
        // Scan upward: the first price that covers is the lowest by construction (cent rounding of the
        // fee can make net proceeds non-monotone for fractional counts, so no bisection).
        for (var cents = LowestCent; cents <= HighestCent; cents++)
        {
            var exit = Price.FromCents(cents);
            if (NetProceeds(exit, count, fees) >= entryCost) return exit;
        }
        return null;
    }

    /// <summary>What selling <paramref name="count"/> at <paramref name="exit"/> as a taker brings in after its fee.</summary>
    public static Money NetProceeds(Price exit, Quantity count, FeeSchedule fees)
    {
        // Proceeds round down (never overstate money received); exact on the cent grid anyway.
        var gross = new Money((long)exit.Ticks * count.Hundredths / 100);
        return gross - fees.TakerFee(count, exit);
    }
}
