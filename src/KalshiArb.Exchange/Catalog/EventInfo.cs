namespace KalshiArb.Exchange.Catalog;

/// <summary>An event (one game, or one proposition set of a game) and the market tickers under it.</summary>
public sealed record EventInfo(
    string EventTicker,
    string SeriesTicker,
    string Title,
    string SubTitle,
    DateTimeOffset StrikeTime,
    IReadOnlyList<string> MarketTickers);
