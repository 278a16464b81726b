namespace KalshiArb.Actors.Persistence;

/// <summary>
/// The statements <see cref="JournalGroupCommitter"/> needs from a store: insert a group of rows as one transaction,
/// and read the highest sequence numbers of some persistence ids. Called from one loop at a time, never concurrently.
/// </summary>
public interface IJournalRowStore : IAsyncDisposable
{
    /// <summary>Inserts every row or none (one transaction); throws when the store refuses any of them.</summary>
    Task InsertAsync(IReadOnlyList<JournalRow> rows);

    /// <summary>The highest stored sequence number of each id asked for (0 for an id with no events).</summary>
    Task<IReadOnlyDictionary<string, long>> HighestSequenceNrsAsync(IReadOnlyCollection<string> persistenceIds);
}
