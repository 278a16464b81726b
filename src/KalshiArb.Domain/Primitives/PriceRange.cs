namespace KalshiArb.Domain.Primitives;

/// <summary>One entry of a market's <c>price_ranges</c>: valid prices are start, start+step, … ≤ end.</summary>
public readonly record struct PriceRange(Price Start, Price End, Price Step)
{
    public bool Contains(Price p) =>
        p >= Start && p <= End && Step.Ticks > 0 && (p.Ticks - Start.Ticks) % Step.Ticks == 0;

    /// <summary>Sports game markets: 0.01 to 0.99 in cent steps.</summary>
    public static readonly PriceRange CentGrid = new(new Price(100), new Price(9_900), new Price(100));
}
