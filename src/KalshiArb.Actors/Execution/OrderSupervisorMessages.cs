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

/// <summary>Shutdown: take no new orders; with <see cref="CancelResting"/> cancel every open order and answer
/// <see cref="OrdersDrained"/> once none is working (orders needing attention do not hold the answer back).</summary>
public sealed record DrainOrders(bool CancelResting);

public sealed record OrdersDrained(int StillOpen);

internal sealed record ResubscribeKillSwitch
{
    public static readonly ResubscribeKillSwitch Instance = new();
}
