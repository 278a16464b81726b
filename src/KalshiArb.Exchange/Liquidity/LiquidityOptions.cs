namespace KalshiArb.Exchange.Liquidity;

/// <summary>How the simulated makers and takers behave on every tick.</summary>
public sealed record LiquidityOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>Price levels quoted on each side of each market.</summary>
    public int LevelsPerSide { get; init; } = 4;

    /// <summary>Distance in cents from the fair value to the best quote on each side.</summary>
    public double HalfSpreadCents { get; init; } = 1.0;

    /// <summary>Contract sizes a maker picks from per level, in hundredths (fractional and whole; on a market without fractional trading, rounded down to whole contracts, at least one).</summary>
    public IReadOnlyList<long> QuoteSizesHundredths { get; init; } = [100, 250, 500, 1000, 37, 2500, 1200];

    /// <summary>Chance per market per tick that a simulated taker hits the book.</summary>
    public double TakerProbabilityPerTick { get; init; } = 0.15;

    /// <summary>Largest taker order, in hundredths of a contract (whole contracts, at least one, where the market is not fractional).</summary>
    public long MaxTakerHundredths { get; init; } = 500;

    /// <summary>Load mode: cancel and re-place every quote each tick instead of only the levels that moved.</summary>
    public bool ChurnAllQuotes { get; init; }
}
