namespace KalshiArb.Exchange.Markets;

/// <summary>Kalshi market statuses the simulator moves through.</summary>
public enum MarketStatus
{
    Initialized,
    Active,
    Inactive,
    Closed,
    Determined,
    Finalized,
}

public static class MarketStatusWire
{
    public static string ToWire(this MarketStatus s) => s switch
    {
        MarketStatus.Initialized => "initialized",
        MarketStatus.Active => "active",
        MarketStatus.Inactive => "inactive",
        MarketStatus.Closed => "closed",
        MarketStatus.Determined => "determined",
        _ => "finalized",
    };

    /// <summary>GET /markets?status= filter words (unopened|open|paused|closed|settled), or a raw status name.</summary>
    public static bool MatchesFilter(this MarketStatus s, string filter) => filter switch
    {
        "unopened" => s == MarketStatus.Initialized,
        "open" => s == MarketStatus.Active,
        "paused" => s == MarketStatus.Inactive,
        "closed" => s == MarketStatus.Closed,
        "settled" => s is MarketStatus.Determined or MarketStatus.Finalized,
        _ => s.ToWire() == filter,
    };
}
