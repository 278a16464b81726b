namespace KalshiArb.Actors.Execution;

// The open-order index: its commands, answers, events and snapshot. Kept together: each is one line.

public sealed record TrackOrder(string ExecutionId);

public sealed record OrderTracked(string ExecutionId);

public sealed record UntrackOrder(string ExecutionId);

public sealed record GetTrackedOrders
{
    public static readonly GetTrackedOrders Instance = new();
}

public sealed record TrackedOrders(IReadOnlyList<string> ExecutionIds);

public sealed record OrderIndexed(string ExecutionId);

public sealed record OrderUnindexed(string ExecutionId);

public sealed record OrderIndexSnapshot(IReadOnlyList<string> OpenExecutionIds);
