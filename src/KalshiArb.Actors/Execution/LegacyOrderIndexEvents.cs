namespace KalshiArb.Actors.Execution;

// Events of the open-order index ("order-index") that journals written before the order shard region may still hold.
// Nothing writes them any more; they stay readable so `audit` over an old data folder can tell that journal is not an
// order and skip it. Kept together: each is one line.

public sealed record OrderIndexed(string ExecutionId);

public sealed record OrderUnindexed(string ExecutionId);

public sealed record OrderIndexSnapshot(IReadOnlyList<string> OpenExecutionIds);

public static class LegacyOrderIndex
{
    /// <summary>The retired index's persistence id; it looks like an order's ("order-…") but is not one.</summary>
    public const string PersistenceId = "order-index";
}
