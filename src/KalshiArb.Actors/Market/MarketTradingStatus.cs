namespace KalshiArb.Actors.Market;

/// <summary>Whether a market accepts orders, folded from Kalshi's many status words. Only Open trades.</summary>
public enum MarketTradingStatus
{
    Unknown = 0,
    Open,
    Paused,
    Closed,
    Settled,
}
