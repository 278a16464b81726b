namespace KalshiArb.Actors.Persistence;

/// <summary>
/// The open-order table beside the journal: one row per order that is not finished (persistence id, and the sequence
/// number of the event that opened it). Kept by the journal's own transactions (<see cref="OpenOrderChange"/>) and read
/// by the open-order watch, which wakes every listed order after a crash, a failover or an entity that stopped.
/// </summary>
public static class OpenOrderTable
{
    public const string Name = "open_orders";

    // A journal written before the table existed: listed once, when the table is created, are the orders whose first
    // event is a creation and whose last event is not one that ends an order for good. A filled order (its last event is
    // a fill) is listed too; the watch finds it finished and takes it off.
    private const string FirstManifest = "order-created.v1";
    private static readonly string[] EndManifests =
        ["order-canceled.v1", "order-rejected.v1", "order-risk-denied.v1", "order-expired.v1", "order-settled.v1"];

    /// <summary>The manifests the back-fill reads (a test holds them to the serializer's registry).</summary>
    public static IReadOnlyList<string> BackfillManifests => [FirstManifest, .. EndManifests];

    /// <summary>INSERT … SELECT listing a pre-existing journal's open orders; <paramref name="journal"/> is the journal table.</summary>
    public static string BackfillSql(string table, string journal) =>
        $"INSERT INTO {table} (persistence_id, opened_seq) SELECT j.persistence_id, 1 FROM {journal} j "
        + $"WHERE j.persistence_id LIKE 'order-%' "
        + $"AND j.sequence_nr = (SELECT MAX(k.sequence_nr) FROM {journal} k WHERE k.persistence_id = j.persistence_id) "
        + $"AND j.manifest NOT IN ({string.Join(", ", EndManifests.Select(m => $"'{m}'"))}) "
        + $"AND EXISTS (SELECT 1 FROM {journal} c WHERE c.persistence_id = j.persistence_id AND c.sequence_nr = 1 AND c.manifest = '{FirstManifest}')";
}
