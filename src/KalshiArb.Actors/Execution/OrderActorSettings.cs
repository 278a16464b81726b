using KalshiArb.Domain.Orders.Lifecycle;

namespace KalshiArb.Actors.Execution;

/// <summary>How an <see cref="OrderActor"/> runs: its lifecycle's timing rules, snapshots and clock. Binding them from configuration is the host's job.</summary>
public sealed record OrderActorSettings
{
    public OrderPolicy Policy { get; init; } = new();

    public int SnapshotEvery { get; init; } = 20;

    /// <summary>The one clock every order decision reads (a replay passes a virtual one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
