namespace KalshiArb.Actors.Persistence;

/// <summary>
/// The tags by which an order's event tells the journal to list or unlist it in the open-order table. Tags, not a
/// second write: the table changes in the transaction that stores the event, so it costs no round trip and can never
/// disagree with the journal. Also queryable through the read journal (every open-and-end is in the tag stream).
/// </summary>
public static class OpenOrderTags
{
    public const string Opened = "order-opened";
    public const string Ended = "order-ended";

    /// <summary>The table's change for a row with these tags (an event carries at most one of the two).</summary>
    public static OpenOrderChange ChangeFor(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            if (tag == Opened) return OpenOrderChange.Opened;
            if (tag == Ended) return OpenOrderChange.Ended;
        }
        return OpenOrderChange.None;
    }
}
