namespace KalshiArb.Exchange.Sportsbooks;

/// <summary>Implied probability (with vig) to the prices a book shows.</summary>
public static class OddsPricing
{
    /// <summary>Two decimals, never below 1.01 (1.00 would be an invalid price).</summary>
    public static double Decimal(double impliedProbability) =>
        Math.Max(1.01, Math.Round(1.0 / impliedProbability, 2, MidpointRounding.AwayFromZero));

    /// <summary>Favourite: −100·π/(1−π); underdog: +100·(1−π)/π; whole numbers, never inside (−100, 100).</summary>
    public static int American(double impliedProbability)
    {
        if (impliedProbability >= 0.5)
            return -(int)Math.Max(100, Math.Round(100.0 * impliedProbability / (1.0 - impliedProbability), MidpointRounding.AwayFromZero));
        return (int)Math.Max(100, Math.Round(100.0 * (1.0 - impliedProbability) / impliedProbability, MidpointRounding.AwayFromZero));
    }
}
