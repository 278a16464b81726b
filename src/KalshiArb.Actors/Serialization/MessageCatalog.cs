namespace KalshiArb.Actors.Serialization;

/// <summary>
/// Every type that is persisted or crosses the wire, with its manifest: each folder declares its own, this lists the
/// folders. Adding a persisted type without a line in its folder's manifests fails the serializer tests; changing a
/// shape means a new ".vN" manifest plus an upcast.
/// </summary>
public static class MessageCatalog
{
    /// <summary>Each folder's manifests, as the folder declares them.</summary>
    public static IReadOnlyList<IReadOnlyList<(Type Type, string Manifest)>> Folders { get; } =
    [
        Contracts.ContractsWireManifests.All,
        Persistence.PersistenceJournalManifests.All,
        Feed.FeedWireManifests.All,
        OddsFeed.OddsFeedWireManifests.All,
        Market.MarketWireManifests.All,
        Risk.RiskManifests.Journal,
        Risk.RiskManifests.Wire,
        Execution.ExecutionManifests.Journal,
        Execution.ExecutionManifests.Wire,
    ];

    public static ManifestRegistry Registry { get; } = Build();

    private static ManifestRegistry Build()
    {
        var r = new ManifestRegistry();
        foreach (var folder in Folders)
            foreach (var (type, manifest) in folder) r.Register(type, manifest);
        return r;
    }
}
