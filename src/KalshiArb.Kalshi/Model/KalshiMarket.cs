namespace KalshiArb.Kalshi.Model;

/// <summary>
/// A market as our code uses it: fixed-point prices and the validated price grid. <paramref name="FractionalTradingEnabled"/>
/// false (also when Kalshi does not say) means counts must be whole contracts.
/// </summary>
public sealed record KalshiMarket(
    string Ticker,
    string EventTicker,
    string SeriesTicker,
    string? MarketType,
    string? YesSubTitle,
    string? NoSubTitle,
    MarketStatus Status,
    string? StatusText,
    string? Result,
    Price? YesBid,
    Price? YesAsk,
    Price? NoBid,
    Price? NoAsk,
    Quantity? YesBidSize,
    Quantity? YesAskSize,
    Price? LastPrice,
    Quantity? Volume,
    Quantity? OpenInterest,
    DateTimeOffset? OpenTime,
    DateTimeOffset? CloseTime,
    DateTimeOffset? ExpectedExpirationTime,
    PriceGrid PriceGrid,
    bool FractionalTradingEnabled = false,
    PriceLevelStructure PriceLevelStructure = PriceLevelStructure.Unknown)
{
    /// <summary>settlement_value_dollars: what a YES contract paid, once the market is determined (null when not said).</summary>
    public Price? SettlementValue { get; init; }
}
