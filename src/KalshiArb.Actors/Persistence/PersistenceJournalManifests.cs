namespace KalshiArb.Actors.Persistence;

/// <summary>Manifests of what the journal's own start-up check writes.</summary>
public static class PersistenceJournalManifests
{
    public static IReadOnlyList<(Type Type, string Manifest)> All { get; } = [(typeof(JournalProbeEvent), JournalProbeEvent.Manifest)];
}
