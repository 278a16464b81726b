namespace KalshiArb.Exchange.Catalog;

/// <summary>
/// Kalshi makers quote some games away from the hidden fair value while sportsbooks follow it, so a demo has
/// real edges to find. An offset moves the home team's quoted probability (the away market moves the other way).
/// </summary>
public sealed record KalshiMispricingOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>Explicit home-probability offsets by game index (e.g. {0: -0.06}); when set, no games are drawn.</summary>
    public IReadOnlyDictionary<int, double>? Offsets { get; init; }

    /// <summary>How many games get a seeded offset when <see cref="Offsets"/> is null.</summary>
    public int SeededGames { get; init; } = 3;

    /// <summary>Seeded offsets are uniform in [Min, Max] in size, with a seeded sign.</summary>
    public double MinOffset { get; init; } = 0.05;

    public double MaxOffset { get; init; } = 0.08;

    /// <summary>Home-probability offset per game (0 for a fairly priced game).</summary>
    public double[] Resolve(int gameCount, int seed)
    {
        var offsets = new double[gameCount];
        if (!Enabled) return offsets;
        if (Offsets is not null)
        {
            foreach (var (game, offset) in Offsets)
                if (game >= 0 && game < gameCount && double.IsFinite(offset)) offsets[game] = offset;
            return offsets;
        }
        var rng = new Random(unchecked(seed * 48_271 + 11));
        var picked = Enumerable.Range(0, gameCount).OrderBy(_ => rng.Next()).Take(Math.Clamp(SeededGames, 0, gameCount)).ToArray();
        foreach (var game in picked)
        {
            var size = MinOffset + (MaxOffset - MinOffset) * rng.NextDouble();
            offsets[game] = rng.Next(2) == 0 ? -size : size;
        }
        return offsets;
    }
}
