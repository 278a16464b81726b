namespace KalshiArb.Domain.Book;

/// <summary>
/// What buying up to <see cref="Requested"/> contracts of <see cref="Side"/> at or below a limit
/// would cost right now as a taker: the levels it would walk, notional, and Kalshi's fee
/// (per fill to $0.0001, summed, whole cents per order).
/// </summary>
public readonly record struct TakeQuote(
    OutcomeSide Side,
    Quantity Requested,
    Quantity Filled,
    Money Notional,
    Money TakerFee,
    Price AveragePrice,
    Price WorstPrice,
    int LevelsWalked)
{
    public bool IsComplete => Filled == Requested;

    public bool IsEmpty => Filled.Hundredths == 0;

    /// <summary>Notional plus fee: what leaves the account.</summary>
    public Money TotalCost => Notional + TakerFee;

    /// <summary>All-in cost per contract in dollars (c in the Kelly formula); 0 when nothing fills.</summary>
    public double AllInCostPerContract =>
        Filled.Hundredths == 0 ? 0d : (double)TotalCost.Units / Money.UnitsPerDollar / ((double)Filled.Hundredths / Quantity.UnitsPerContract);
}
