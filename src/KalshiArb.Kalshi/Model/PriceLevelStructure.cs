namespace KalshiArb.Kalshi.Model;

/// <summary>A market's tick structure (<c>price_level_structure</c>); <c>price_ranges</c>, when sent, is authoritative.</summary>
public enum PriceLevelStructure
{
    /// <summary>Absent or a name we do not know: the grid comes from price_ranges, else cents.</summary>
    Unknown = 0,
    /// <summary>"linear_cent": $0.01 ticks everywhere.</summary>
    LinearCent,
    /// <summary>"tapered_deci_cent": $0.001 below $0.10 and above $0.90, $0.01 between.</summary>
    TaperedDeciCent,
    /// <summary>"deci_cent": $0.001 ticks everywhere.</summary>
    DeciCent,
}

public static class PriceLevelStructures
{
    private static readonly Price DeciCent = new(10);
    private static readonly Price Cent = new(100);

    public static PriceLevelStructure Parse(string? text) => text switch
    {
        "linear_cent" => PriceLevelStructure.LinearCent,
        "tapered_deci_cent" => PriceLevelStructure.TaperedDeciCent,
        "deci_cent" => PriceLevelStructure.DeciCent,
        _ => PriceLevelStructure.Unknown,
    };

    /// <summary>The grid a structure implies, for a market that sends no price_ranges (sports game markets trade in cents).</summary>
    public static PriceGrid Grid(PriceLevelStructure structure) => structure switch
    {
        PriceLevelStructure.TaperedDeciCent => new PriceGrid(
        [
            new PriceRange(DeciCent, new Price(1_000), DeciCent),
            new PriceRange(new Price(1_000), new Price(9_000), Cent),
            new PriceRange(new Price(9_000), new Price(9_990), DeciCent),
        ]),
        PriceLevelStructure.DeciCent => new PriceGrid([new PriceRange(DeciCent, new Price(9_990), DeciCent)]),
        _ => PriceGrid.Cents,
    };
}
