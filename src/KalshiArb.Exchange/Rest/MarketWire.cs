using KalshiArb.Exchange.Catalog;

namespace KalshiArb.Exchange.Rest;

/// <summary>Market/series/event state → wire DTOs.</summary>
internal static class MarketWire
{
    public static MarketDto ToDto(MarketSnapshot s)
    {
        var info = s.Info;
        var top = s.Top;
        return new MarketDto(
            info.Ticker,
            info.EventTicker,
            "binary",
            info.YesSubTitle,
            info.NoSubTitle,
            (top.YesBid ?? Price.Zero).ToWire(),
            (top.YesAsk ?? Price.One).ToWire(),
            (top.NoBid ?? Price.Zero).ToWire(),
            (top.YesBid?.Complement ?? Price.One).ToWire(),
            top.YesBidSize.ToWire(),
            top.NoBidSize.ToWire(),
            (s.LastPrice ?? Price.Zero).ToWire(),
            s.Volume.ToWire(),
            s.OpenInterest.ToWire(),
            WireTime.Iso(info.OpenTime),
            WireTime.Iso(info.CloseTime),
            WireTime.Iso(info.ExpectedExpirationTime),
            s.Status.ToWire(),
            s.Result,
            info.Grid.Ranges.Select(r => new PriceRangeDto(r.Start.ToWire(), r.End.ToWire(), r.Step.ToWire())).ToList(),
            info.FractionalTradingEnabled,
            info.PriceLevelStructure) { SettlementValueDollars = s.SettlementValue?.ToWire() };
    }

    public static SeriesDto ToDto(SeriesInfo s) =>
        new(s.Ticker, s.Title, s.Category, s.Tags, s.FeeType, s.FeeMultiplier, "custom");

    public static EventDto ToDto(EventInfo e, IReadOnlyList<MarketDto>? markets) =>
        new(e.EventTicker, e.SeriesTicker, e.Title, e.SubTitle, "Sports", WireTime.Iso(e.StrikeTime), true, markets);
}
