namespace KalshiArb.Node.Audit;

/// <summary>One order's journal (persistence id "order-{executionId}") in sequence order.</summary>
public sealed record JournaledOrder(string PersistenceId, string ExecutionId, IReadOnlyList<JournalEntry> Entries);
