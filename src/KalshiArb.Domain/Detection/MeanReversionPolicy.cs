namespace KalshiArb.Domain.Detection;

/// <summary>Parameters of <see cref="MeanReversionStrategy"/> (configuration, not state).</summary>
public sealed record MeanReversionPolicy
{
    /// <summary>Width of one candle of the trade tape.</summary>
    public TimeSpan CandleInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Candles (before the one holding the last trade) whose closes make the mean.</summary>
    public int Lookback { get; init; } = 20;

    /// <summary>The last trade must be this many mean absolute deviations of those closes from their mean.</summary>
    public double DeviationMultiple { get; init; } = 2.5;

    /// <summary>And at least this far: a flat tape has no deviation, and one tick off it is noise, not a stretch.</summary>
    public Price MinDeviation { get; init; } = Price.FromCents(3);

    /// <summary>Share of the stretch expected back: the fair value is last + share × (mean − last).</summary>
    public double ReversionShare { get; init; } = 0.5;

    /// <summary>A last trade older than this says nothing about the price now.</summary>
    public TimeSpan MaxTapeAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Edge, size and book-age rules, the same ones the consensus strategy applies (its own values).</summary>
    public DetectionPolicy Sizing { get; init; } = DetectionPolicy.Default;

    public static MeanReversionPolicy Default { get; } = new();

    /// <summary>Candles a market keeps for this policy: the lookback plus the newest.</summary>
    public int CandlesKept => Lookback + 1;
}
