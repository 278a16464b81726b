using KalshiArb.Domain.Primitives;

namespace KalshiArb.Exchange.Catalog;

/// <summary>Static description of a listed market. Mutable state (status, book, result) lives in the market's runtime.</summary>
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
    bool YesIsHome);
