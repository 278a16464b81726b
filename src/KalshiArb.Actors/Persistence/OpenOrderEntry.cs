namespace KalshiArb.Actors.Persistence;

/// <summary>One row of the open-order table: the order's persistence id and the sequence number of the event that opened it.</summary>
public sealed record OpenOrderEntry(string PersistenceId, long OpenedAtSequenceNr);
