namespace KalshiArb.Actors.Contracts;

/// <summary>Manifests of the news the market side sends the execution side, which may run on other nodes.</summary>
public static class ContractsWireManifests
{
    public static IReadOnlyList<(Type Type, string Manifest)> All { get; } =
    [
        (typeof(TradeSignal), TradeSignal.Manifest),
        (typeof(MarketSettled), "market-settled.v1"),
        (typeof(FeedReconnected), "feed-reconnected.v1"),
    ];
}
