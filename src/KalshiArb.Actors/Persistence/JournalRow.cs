namespace KalshiArb.Actors.Persistence;

/// <summary>
/// One event as it is stored in Akka.Persistence.Sql's <c>event_journal</c> table (Csv tags in the row), so the plugin's
/// own replay, read journal and audit read what <see cref="GroupCommitJournal"/> wrote. <paramref name="OpenOrderChange"/> is
/// applied to the open-order table in the same transaction.
/// </summary>
public sealed record JournalRow(
    string PersistenceId,
    long SequenceNr,
    long TimestampTicks,
    byte[] Payload,
    string? Tags,
    string Manifest,
    int SerializerId,
    OpenOrderChange OpenOrderChange = OpenOrderChange.None);
