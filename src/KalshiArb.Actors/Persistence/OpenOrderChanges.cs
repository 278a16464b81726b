namespace KalshiArb.Actors.Persistence;

/// <summary>
/// The net effect of a group of journal rows on the open-order table: per id the last change wins (rows are in each id's
/// sequence order), so one statement can apply both lists without caring about their order.
/// </summary>
public sealed class OpenOrderChanges
{
    private OpenOrderChanges(List<string> openedIds, List<long> openedAt, List<string> endedIds)
    {
        OpenedIds = openedIds;
        OpenedAtSequenceNr = openedAt;
        EndedIds = endedIds;
    }

    /// <summary>Ids to list, with the sequence number of the event that opened each.</summary>
    public List<string> OpenedIds { get; }
    public List<long> OpenedAtSequenceNr { get; }

    /// <summary>Ids to take off the list.</summary>
    public List<string> EndedIds { get; }

    /// <summary>null when no row changes the table (most groups: only an order's first and last write do).</summary>
    public static OpenOrderChanges? Of(IReadOnlyList<JournalRow> rows)
    {
        Dictionary<string, JournalRow>? last = null;
        foreach (var row in rows)
            if (row.OpenOrderChange != OpenOrderChange.None)
                (last ??= new Dictionary<string, JournalRow>(StringComparer.Ordinal))[row.PersistenceId] = row;
        if (last is null) return null;
        var changes = new OpenOrderChanges([], [], []);
        foreach (var (id, row) in last)
        {
            if (row.OpenOrderChange == OpenOrderChange.Opened)
            {
                changes.OpenedIds.Add(id);
                changes.OpenedAtSequenceNr.Add(row.SequenceNr);
            }
            else changes.EndedIds.Add(id);
        }
        return changes;
    }
}
