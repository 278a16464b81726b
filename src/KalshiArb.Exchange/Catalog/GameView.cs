namespace KalshiArb.Exchange.Catalog;

/// <summary>What the outside world (e.g. an Odds-API-compatible endpoint) may see of a game, plus its hidden fair value.</summary>
public sealed record GameView(
    int Index,
    string SeriesTicker,
    string EventTicker,
    TeamSpec Away,
    TeamSpec Home,
    DateTimeOffset CommenceTime,
    double HomeWinProbability,
    string AwayMarketTicker,
    string HomeMarketTicker,
    double KalshiHomeOffset = 0)
{
    public double AwayWinProbability => 1.0 - HomeWinProbability;

    /// <summary>True when Kalshi makers quote this game away from its hidden fair value (sportsbooks do not).</summary>
    public bool IsMispriced => KalshiHomeOffset != 0;

    /// <summary>
    /// The market that is cheap on Kalshi (its YES quoted below the hidden fair value): the home market for a negative
    /// offset, the away market for a positive one; null when fairly priced.
    /// </summary>
    public string? UnderpricedMarketTicker => KalshiHomeOffset switch
    {
        < 0 => HomeMarketTicker,
        > 0 => AwayMarketTicker,
        _ => null,
    };
}
