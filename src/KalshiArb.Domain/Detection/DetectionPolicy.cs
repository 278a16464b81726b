using KalshiArb.Domain.Primitives;

namespace KalshiArb.Domain.Detection;

/// <summary>Thresholds for turning a book and a fair value into a signal (configuration, not state).</summary>
public sealed record DetectionPolicy
{
    /// <summary>Fraction of full Kelly to bet; ¼ by default because q is an estimate.</summary>
    public double KellyFraction { get; init; } = 0.25;

    /// <summary>Least expected value per contract, in dollars, after fees (q − c).</summary>
    public double MinEdge { get; init; } = 0.02;

    public TimeSpan MaxBookAge { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxOddsAge { get; init; } = TimeSpan.FromMinutes(5);
    public int MinBooks { get; init; } = 3;

    /// <summary>Trade after the scheduled start (in-play). Off by default: sportsbook lines move faster than polls.</summary>
    public bool AllowInPlay { get; init; }

    /// <summary>Smallest order worth sending.</summary>
    public Quantity MinSize { get; init; } = Quantity.FromContracts(1);

    public static DetectionPolicy Default { get; } = new();
}
