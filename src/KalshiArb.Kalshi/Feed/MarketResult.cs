namespace KalshiArb.Kalshi.Feed;

/// <summary>A market's result as the lifecycle channel states it, parsed once by <see cref="FeedFrameParser"/>.</summary>
public enum MarketResult
{
    /// <summary>No result given (absent, null or empty: not determined yet).</summary>
    None = 0,
    Yes,
    No,

    /// <summary>Neither side outright: YES is worth the settlement value, which the event may or may not carry.</summary>
    Scalar,

    /// <summary>A word we do not know (counted as <see cref="FeedRejectReason.UnknownResult"/>).</summary>
    Unknown,
}

public static class MarketResultExtensions
{
    /// <summary>What one YES contract is worth for a yes/no result; null for any other (scalar, none, unknown).</summary>
    public static Price? YesValue(this MarketResult result) => result switch
    {
        MarketResult.Yes => Price.One,
        MarketResult.No => Price.Zero,
        _ => null,
    };
}
