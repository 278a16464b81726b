namespace KalshiArb.Domain.Pnl;

/// <summary>
/// Between a market's settlement value (what a YES contract pays) and one order's <see cref="Settled"/> event: the
/// winner is the side paid $1 (none for a scalar settlement) and the payout is the order's filled contracts at its side's value.
/// </summary>
public static class OrderSettlement
{
    public static Settled For(OutcomeSide side, Quantity filled, Price yesValue)
    {
        OutcomeSide? winner = yesValue == Price.One ? OutcomeSide.Yes : yesValue == Price.Zero ? OutcomeSide.No : null;
        var sideValue = side == OutcomeSide.Yes ? yesValue : yesValue.Complement;
        return new Settled(winner, Money.Notional(sideValue, filled.Abs));
    }

    /// <summary>The market's YES value an order's settlement implies; null when the order has no fills to tell it.</summary>
    public static Price? YesValueOf(OutcomeSide side, Quantity filled, Settled settled)
    {
        ArgumentNullException.ThrowIfNull(settled);
        if (settled.Winner is { } w) return w == OutcomeSide.Yes ? Price.One : Price.Zero;
        if (!filled.IsPositive) return null;
        // payout units are $0.0001; per contract: units × 100 / hundredths ticks
        var sideTicks = (int)Math.Clamp(settled.Payout.Units * Quantity.UnitsPerContract / filled.Hundredths, 0, Price.TicksPerDollar);
        return side == OutcomeSide.Yes ? new Price(sideTicks) : new Price(sideTicks).Complement;
    }
}
