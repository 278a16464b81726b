namespace KalshiArb.Actors.Persistence;

/// <summary>Where journals and snapshots live.</summary>
public enum PersistenceStore
{
    Sqlite,
    PostgreSql,
}
