namespace KalshiArb.Actors.Execution;

/// <summary>How an <see cref="OrderSupervisor"/> runs its orders.</summary>
public sealed record OrderSupervisorSettings
{
    public OrderActorSettings Order { get; init; } = new();

    public string IndexPersistenceId { get; init; } = OrderIndexActor.DefaultPersistenceId;

    /// <summary>First delay before re-creating an order that stopped while unfinished; doubles up to MaxBackoff.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Restarts allowed per order within a minute before it is stopped and re-created after the backoff.</summary>
    public int MaxRestartsPerMinute { get; init; } = 3;

    /// <summary>Subscribe to the venue's pushed fills and order updates (off only when something else routes them).</summary>
    public bool SubscribeToVenue { get; init; } = true;

    /// <summary>Subscribe to the gate's kill switch again at this interval (a moved singleton forgets subscribers); null = once.</summary>
    public TimeSpan? GateResubscribeInterval { get; init; }
}
