namespace KalshiArb.Actors.Market;

/// <summary>
/// Manifests of the market's messages that may cross nodes: the "market" shard region can live on another node than
/// the feed, the odds poller and the status command that talk to it.
/// </summary>
public static class MarketWireManifests
{
    public static IReadOnlyList<(Type Type, string Manifest)> All { get; } =
    [
        (typeof(MarketMetadata), "market-metadata.v1"),
        (typeof(BookSnapshotReceived), "book-snapshot.v1"),
        (typeof(BookDeltaReceived), "book-delta.v1"),
        (typeof(BookInvalidated), "book-invalidated.v1"),
        (typeof(BookResyncRequested), "book-resync-requested.v1"),
        (typeof(BookConfirmed), "book-confirmed.v1"),
        (typeof(TradeReceived), "market-trade.v1"),
        (typeof(MarketStatusChanged), "market-status-changed.v1"),
        (typeof(ConsensusUpdated), "consensus-updated.v1"),
        (typeof(ConsensusWithdrawn), "consensus-withdrawn.v1"),
        (typeof(GetMarketState), "get-market-state.v1"),
        (typeof(MarketStateView), "market-state.v1"),
        (typeof(EvaluateDueBy), "evaluate-due-by.v1"),
        (typeof(MarketEvaluationsDue), "market-evaluations-due.v1"),
    ];
}
