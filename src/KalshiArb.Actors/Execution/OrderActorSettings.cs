using KalshiArb.Domain.Orders.Lifecycle;

namespace KalshiArb.Actors.Execution;

/// <summary>How an <see cref="OrderActor"/> runs: its lifecycle's timing rules, snapshots and clock. Binding them from configuration is the host's job.</summary>
public sealed record OrderActorSettings
{
    public OrderPolicy Policy { get; init; } = new();

    /// <summary>
    /// 0 (the default): no snapshots, and recovery does not look for one. An order has a handful of events, so the
    /// snapshot read every new order would pay at start (and the writes) cost more than replaying them.
    /// </summary>
    public int SnapshotEvery { get; init; }

    /// <summary>
    /// True (the default): tell the gate <c>ReserveAhead</c>, answered held at once, so the order journals its approval
    /// while the gate journals the reservation, and the venue call waits for the approval the gate pushes once the
    /// reservation is durable; one journal commit on the way to the venue instead of two in a row. False: one ask,
    /// answered once the reservation is durable.
    /// </summary>
    public bool ReserveAhead { get; init; } = true;

    /// <summary>The one clock every order decision reads (a replay passes a virtual one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
