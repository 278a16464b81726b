namespace KalshiArb.Actors.Execution;

public sealed record GetExecutionStatus
{
    public static readonly GetExecutionStatus Instance = new();
}

/// <summary>
/// This execution node's orders still working (or about to) and orders a person must look at.
/// <paramref name="TrackedCount"/> counts every unfinished order the desk has heard of; <see cref="Ended"/> how the
/// orders that ended here ended, by <see cref="Domain.Orders.OrderOutcome"/> (since the desk started).
/// </summary>
public sealed record ExecutionStatus(IReadOnlyList<OrderStatusNotice> Open, IReadOnlyList<OrderStatusNotice> NeedsAttention, int TrackedCount)
{
    public IReadOnlyDictionary<string, long> Ended { get; init; } = new Dictionary<string, long>();
}

/// <summary>Shutdown: with <see cref="CancelResting"/> cancel every open order of this node and answer
/// <see cref="OrdersDrained"/> once none is working (orders needing attention do not hold the answer back).</summary>
public sealed record DrainOrders(bool CancelResting);

public sealed record OrdersDrained(int StillOpen);

internal sealed record ResubscribeKillSwitch
{
    public static readonly ResubscribeKillSwitch Instance = new();
}
