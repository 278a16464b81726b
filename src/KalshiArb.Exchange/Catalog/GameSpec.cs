namespace KalshiArb.Exchange.Catalog;

/// <summary>
/// One synthetic game: series (e.g. KXNFLGAME), teams, start time and the home team's starting win probability.
/// Two markets are listed for it, one per team (YES = that team wins). Its markets take whole contracts only unless
/// <paramref name="FractionalTrading"/> is set (Kalshi rolls fractional trading out market by market).
/// </summary>
public sealed record GameSpec(
    string SeriesTicker,
    TeamSpec Away,
    TeamSpec Home,
    DateTimeOffset CommenceTime,
    double HomeWinProbability,
    bool FractionalTrading = false);
