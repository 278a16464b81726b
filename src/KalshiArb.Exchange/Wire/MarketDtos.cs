namespace KalshiArb.Exchange.Wire;

// Wire shapes of the public market-data endpoints (snake_case via WireJson; numbers as strings).

public sealed record PriceRangeDto(string Start, string End, string Step);

public sealed record MarketDto(
    string Ticker,
    string EventTicker,
    string MarketType,
    string YesSubTitle,
    string NoSubTitle,
    string YesBidDollars,
    string YesAskDollars,
    string NoBidDollars,
    string NoAskDollars,
    string YesBidSizeFp,
    string YesAskSizeFp,
    string LastPriceDollars,
    string VolumeFp,
    string OpenInterestFp,
    string OpenTime,
    string CloseTime,
    string ExpectedExpirationTime,
    string Status,
    string Result,
    IReadOnlyList<PriceRangeDto> PriceRanges,
    bool FractionalTradingEnabled,
    string PriceLevelStructure)
{
    /// <summary>Once determined: what a YES contract pays (absent before).</summary>
    public string? SettlementValueDollars { get; init; }
}

public sealed record MarketsPageDto(IReadOnlyList<MarketDto> Markets, string Cursor);

public sealed record MarketEnvelopeDto(MarketDto Market);

public sealed record OrderbookDto(IReadOnlyList<string[]> YesDollars, IReadOnlyList<string[]> NoDollars);

public sealed record OrderbookEnvelopeDto(OrderbookDto OrderbookFp);

public sealed record SeriesDto(string Ticker, string Title, string Category, IReadOnlyList<string> Tags, string FeeType, decimal FeeMultiplier, string Frequency);

public sealed record SeriesEnvelopeDto(SeriesDto Series);

public sealed record SeriesListDto(IReadOnlyList<SeriesDto> Series);

public sealed record EventDto(
    string EventTicker,
    string SeriesTicker,
    string Title,
    string SubTitle,
    string Category,
    string StrikeDate,
    bool MutuallyExclusive,
    IReadOnlyList<MarketDto>? Markets);

public sealed record EventsPageDto(IReadOnlyList<EventDto> Events, string Cursor);

public sealed record EventEnvelopeDto(EventDto Event, IReadOnlyList<MarketDto> Markets);

/// <summary>One print of GET /markets/trades; <c>taker_side</c> is the outcome the taker bought.</summary>
public sealed record PublicTradeDto(
    string TradeId,
    string Ticker,
    string CountFp,
    string YesPriceDollars,
    string NoPriceDollars,
    string TakerSide,
    string CreatedTime);

public sealed record TradesPageDto(IReadOnlyList<PublicTradeDto> Trades, string Cursor);

/// <summary>GET /exchange/status.</summary>
public sealed record ExchangeStatusDto(bool ExchangeActive, bool TradingActive);
