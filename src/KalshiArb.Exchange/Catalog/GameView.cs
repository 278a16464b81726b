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
    string HomeMarketTicker)
{
    public double AwayWinProbability => 1.0 - HomeWinProbability;
}
