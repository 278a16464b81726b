namespace KalshiArb.Actors.Market;

/// <summary>
/// The registry key of the "market" shard region (a proxy on a member without the market role): MarketActors by ticker,
/// routed by <see cref="MarketMessageExtractor"/>.
/// </summary>
public sealed class MarketRegion
{
    public const string TypeName = "market";

    private MarketRegion()
    {
    }
}
