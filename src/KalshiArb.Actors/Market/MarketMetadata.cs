using KalshiArb.Domain.Fees;

namespace KalshiArb.Actors.Market;

/// <summary>
/// What discovery knows of a market: its event and series, the YES sub-title, the series fee rule and the
/// price grid. Fee and grid travel as plain fields so the message serializes without CLR specifics.
/// <paramref name="GameStart"/> is only a fallback: the matched sportsbook event's commence time wins.
/// <paramref name="FractionalTradingEnabled"/> false (the default, also for a payload written before the field existed)
/// means whole contracts only.
/// </summary>
public sealed record MarketMetadata(
    string Ticker,
    string EventTicker,
    string SeriesTicker,
    string? YesSubTitle,
    FeeType FeeType,
    int FeeMultiplierTenThousandths,
    IReadOnlyList<PriceRange> PriceRanges,
    MarketTradingStatus Status,
    DateTimeOffset? GameStart,
    bool FractionalTradingEnabled = false) : ITickerMessage
{
    public FeeSchedule Fees => new(FeeType, FeeMultiplierTenThousandths);

    public PriceGrid Grid => new(PriceRanges);
}
