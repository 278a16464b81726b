namespace KalshiArb.Exchange.Wire;

// msg bodies of WS v2 data frames (the envelope {type,sid,seq?,msg} is written by StreamFrames).

public sealed record OrderbookSnapshotMsg(string MarketTicker, IReadOnlyList<string[]> YesDollarsFp, IReadOnlyList<string[]> NoDollarsFp);

public sealed record OrderbookDeltaMsg(string MarketTicker, string PriceDollars, string DeltaFp, string Side, long TsMs);

public sealed record TickerMsg(string MarketTicker, string PriceDollars, string YesBidDollars, string YesAskDollars, string VolumeFp, string OpenInterestFp, long TsMs);

public sealed record TradeMsg(string TradeId, string MarketTicker, string YesPriceDollars, string NoPriceDollars, string CountFp, string TakerSide, long TsMs);

public sealed record FillMsg(
    string TradeId,
    string OrderId,
    string MarketTicker,
    bool IsTaker,
    string OutcomeSide,
    string BookSide,
    string YesPriceDollars,
    string NoPriceDollars,
    string CountFp,
    string FeeCost,
    string PostPositionFp,
    string? ClientOrderId,
    long TsMs);

public sealed record MarketPositionMsg(string MarketTicker, string PositionFp, string PositionCostDollars, string MarketExposureDollars, string RealizedPnlDollars, string FeesPaidDollars, long TsMs);

public sealed record LifecycleMsg(string MarketTicker, string EventType, string? Result, string? SettlementValueDollars, long TsMs);

public sealed record SubscriptionListItem(int Sid, string Channel, IReadOnlyList<string> MarketTickers);

public sealed record SubscribedMsg(string Channel, int Sid);

public sealed record MarketTickersMsg(IReadOnlyList<string> MarketTickers);
