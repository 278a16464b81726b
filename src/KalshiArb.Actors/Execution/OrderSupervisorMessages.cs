namespace KalshiArb.Actors.Execution;

public sealed record GetExecutionStatus
{
    public static readonly GetExecutionStatus Instance = new();
}

/// <summary>
/// Orders still working (or about to) and orders a person must look at. <paramref name="TrackedCount"/> counts
/// every unfinished order in the index, including ones still starting up.
/// </summary>
public sealed record ExecutionStatus(IReadOnlyList<OrderStatusNotice> Open, IReadOnlyList<OrderStatusNotice> NeedsAttention, int TrackedCount);
