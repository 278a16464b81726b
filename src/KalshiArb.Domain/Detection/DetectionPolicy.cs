namespace KalshiArb.Domain.Detection;

/// <summary>Thresholds for turning a book and a fair value into a signal (configuration, not state).</summary>
public sealed record DetectionPolicy
{
    /// <summary>Fraction of full Kelly to bet; ¼ by default because q is an estimate.</summary>
    public double KellyFraction { get; init; } = 0.25;

    /// <summary>Least expected value per contract, in dollars, after fees (q − c).</summary>
    public double MinEdge { get; init; } = 0.02;

    /// <summary>
    /// Most edge per contract (fair value minus the best ask, before fees) believed. Pre-game lines on liquid games
    /// rarely leave Kalshi more than a few cents off, so an edge above this is taken as bad data (a wrong team
    /// mapping, a stale book, a game already live), not as money: that market is skipped.
    /// </summary>
    public Money MaxEdge { get; init; } = Money.FromCents(10);

    /// <summary>
    /// Most disagreement believed between the sportsbooks' de-vigged probabilities for the team (max − min). Healthy
    /// pre-game prices of the major books sit within 2–4 points of each other; 8 points means one book is on another
    /// event, stale or already in-play, and then the consensus is off by more than the edge we trade on (2 cents).
    /// </summary>
    public double MaxBookSpread { get; init; } = 0.08;

    public TimeSpan MaxBookAge { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxOddsAge { get; init; } = TimeSpan.FromMinutes(5);
    public int MinBooks { get; init; } = 3;

    /// <summary>Trade after the scheduled start (in-play). Off by default: sportsbook lines move faster than polls.</summary>
    public bool AllowInPlay { get; init; }

    /// <summary>Smallest order worth sending.</summary>
    public Quantity MinSize { get; init; } = Quantity.FromContracts(1);

    public static DetectionPolicy Default { get; } = new();
}
