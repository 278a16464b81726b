namespace KalshiArb.Kalshi.Model;

/// <summary>Market lifecycle as Kalshi reports it (object status and filter values both map here).</summary>
public enum MarketStatus
{
    Unknown = 0,
    Initialized,
    Unopened,
    Active,
    Open,
    Paused,
    Inactive,
    Closed,
    Determined,
    Disputed,
    Amended,
    Finalized,
    Settled,
}
