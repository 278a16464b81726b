namespace KalshiArb.Node.Audit;

/// <summary>
/// One row of an order's journal as read back: the event, or why it could not be read (<see cref="Fault"/>).
/// <see cref="TimestampMs"/> is when the order recorded the fact (the event's own time), 0 when unreadable.
/// </summary>
public sealed record JournalEntry(long SequenceNr, long TimestampMs, OrderJournalEvent? Event, string? Fault)
{
    public bool IsReadable => Event is not null;
}
