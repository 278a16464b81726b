namespace KalshiArb.Exchange.Catalog;

/// <summary>
/// Static description of a listed market. Mutable state (status, book, result) lives in the market's runtime.
/// <paramref name="FractionalTradingEnabled"/>: counts like "1.50" are accepted (Kalshi enables this per market; elsewhere
/// every count must be whole). <paramref name="PriceLevelStructure"/>: Kalshi's name of the tick structure of
/// <paramref name="Grid"/> ("linear_cent" for the cent grid sports markets use).
/// </summary>
public sealed record MarketInfo(
    string Ticker,
    string EventTicker,
    string SeriesTicker,
    string YesSubTitle,
    string NoSubTitle,
    DateTimeOffset OpenTime,
    DateTimeOffset CloseTime,
    DateTimeOffset ExpectedExpirationTime,
    PriceGrid Grid,
    int GameIndex,
    MarketKind Kind,
    bool YesIsHome,
    bool FractionalTradingEnabled = false,
    string PriceLevelStructure = MarketInfo.LinearCent)
{
    /// <summary>$0.01 ticks from $0.00 to $1.00.</summary>
    public const string LinearCent = "linear_cent";
}
