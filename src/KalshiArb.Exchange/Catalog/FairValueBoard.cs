namespace KalshiArb.Exchange.Catalog;

/// <summary>
/// The hidden "true" probabilities: one home-win log-odds random walk per game (plus one for each game's total),
/// each with its own seeded generator so a run with the same seed and the same number of ticks is reproducible.
/// </summary>
public sealed class FairValueBoard
{
    private const double MinProbability = 0.03;
    private const double MaxProbability = 0.97;

    private readonly Lock _gate = new();
    private readonly double[] _homeLogOdds;
    private readonly double[] _totalLogOdds;
    private readonly double[] _kalshiOffsets;
    private readonly Random[] _rngs;
    private readonly double _drift;

    public FairValueBoard(IReadOnlyList<GameSpec> games, int seed, double driftPerTick)
    {
        _drift = driftPerTick;
        _homeLogOdds = new double[games.Count];
        _totalLogOdds = new double[games.Count];
        _rngs = new Random[games.Count];
        _kalshiOffsets = new double[games.Count];
        for (var i = 0; i < games.Count; i++)
        {
            _homeLogOdds[i] = Logit(Clamp(games[i].HomeWinProbability));
            _totalLogOdds[i] = 0.0;
            _rngs[i] = new Random(unchecked(seed * 7919 + i * 104_729 + 17));
        }
    }

    public long Ticks { get; private set; }

    /// <summary>One step of every game's random walk.</summary>
    public void Drift()
    {
        lock (_gate)
        {
            for (var i = 0; i < _homeLogOdds.Length; i++)
            {
                _homeLogOdds[i] = Logit(Clamp(Logistic(_homeLogOdds[i] + _drift * Gaussian(_rngs[i]))));
                _totalLogOdds[i] = Logit(Clamp(Logistic(_totalLogOdds[i] + _drift * Gaussian(_rngs[i]))));
            }
            Ticks++;
        }
    }

    public double HomeWinProbability(int game)
    {
        lock (_gate) return Logistic(_homeLogOdds[game]);
    }

    /// <summary>Overrides a game's hidden probability (tests, demos of a mispriced market).</summary>
    public void SetHomeWinProbability(int game, double probability)
    {
        lock (_gate) _homeLogOdds[game] = Logit(Clamp(probability));
    }

    /// <summary>How far Kalshi makers quote the home team's probability from the hidden one (0 = fairly priced).</summary>
    public double KalshiOffset(int game)
    {
        lock (_gate) return _kalshiOffsets[game];
    }

    public void SetKalshiOffset(int game, double homeProbabilityOffset)
    {
        lock (_gate) _kalshiOffsets[game] = double.IsFinite(homeProbabilityOffset) ? homeProbabilityOffset : 0;
    }

    /// <summary>
    /// The YES probability Kalshi makers quote around: the hidden one, moved by the game's offset for game-winner
    /// markets (sportsbooks keep following the hidden one).
    /// </summary>
    public double QuotedYesProbability(MarketInfo market)
    {
        if (market.Kind != MarketKind.GameWinner) return YesProbability(market);
        lock (_gate)
        {
            var home = Clamp(Logistic(_homeLogOdds[market.GameIndex]) + _kalshiOffsets[market.GameIndex]);
            return market.YesIsHome ? home : 1.0 - home;
        }
    }

    /// <summary>The hidden YES probability of a market.</summary>
    public double YesProbability(MarketInfo market)
    {
        lock (_gate)
        {
            var home = Logistic(_homeLogOdds[market.GameIndex]);
            return market.Kind switch
            {
                MarketKind.GameWinner => market.YesIsHome ? home : 1.0 - home,
                // covering 7.5 is a good deal less likely than winning
                MarketKind.Spread => Clamp(home * home * 0.8),
                _ => Logistic(_totalLogOdds[market.GameIndex]),
            };
        }
    }

    private static double Clamp(double p) => Math.Clamp(p, MinProbability, MaxProbability);
    private static double Logit(double p) => Math.Log(p / (1 - p));
    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    private static double Gaussian(Random rng)
    {
        // Box-Muller; 1 - NextDouble() avoids log(0)
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
