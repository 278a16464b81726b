namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>
/// Everything an order's next step depends on: the journaled order (rebuilt by <see cref="OrderLifecycle.Evolve"/>)
/// plus what this incarnation of the order is doing right now (not journaled; a restart begins from
/// <see cref="Recovered"/>, which assumes the worst about what a previous incarnation may have sent).
/// </summary>
public sealed record OrderProcess
{
    public required string ExecutionId { get; init; }

    /// <summary>Null until OrderCreated.</summary>
    public ExecutionOrder? Order { get; init; }

    /// <summary>
    /// The order's creation, applied to <see cref="Order"/> but not journaled yet: it goes into the order's first write
    /// (with the gate's answer), so a new order pays one journal write before its venue call, not two.
    /// </summary>
    public OrderCreated? Unjournaled { get; init; }

    /// <summary>When OrderCreated was journaled (Unix ms); the horizon of old journals is measured from it.</summary>
    public long? CreatedAtMs { get; init; }

    /// <summary>When the last SubmitRequested/SubmitRetried was journaled.</summary>
    public long? LastSubmitAtMs { get; init; }

    public VenueCallInFlight InFlight { get; init; }
    public bool RiskPending { get; init; }

    /// <summary>A cancel arrived before the order could be canceled at the venue (no approval or no acknowledgement yet).</summary>
    public bool CancelWanted { get; init; }
    public bool CancelSent { get; init; }

    /// <summary>The CancelAfter timer runs (timers do not survive a restart, so this does not either).</summary>
    public bool CancelTimerStarted { get; init; }

    /// <summary>A lookup is due as soon as the call in flight ends.</summary>
    public bool ReconcileQueued { get; init; }

    /// <summary>
    /// The venue's order id, known but not journaled yet: the order was filled at once and its fills are being fetched,
    /// so the acknowledgement goes into the same write as them.
    /// </summary>
    public string? PendingAck { get; init; }

    /// <summary>A venue report that arrived while a call was in flight; applied when it ends.</summary>
    public Venues.VenueOrderState? PendingUpdate { get; init; }

    /// <summary>
    /// A submit may have reached the venue without us knowing (a previous incarnation sent one, or an answer was lost):
    /// "not found" is then final only once nothing sent can still land.
    /// </summary>
    public bool SubmitUncertain { get; init; }

    public int ReconcileAttempts { get; init; }
    public int Polls { get; init; }
    public bool TerminalReported { get; init; }

    /// <summary>Events the state machine refused (logged, never journaled).</summary>
    public int Refused { get; init; }

    /// <summary>Duplicate fills and acknowledgements (harmless, counted).</summary>
    public int Duplicates { get; init; }

    public static OrderProcess Start(string executionId) => new() { ExecutionId = executionId };

    /// <summary>The end of the signal's horizon; old journals without one get MaxSignalAge from their creation.</summary>
    public long? SubmitByMs(OrderPolicy policy) =>
        Order?.SubmitByMs ?? (CreatedAtMs is { } created ? created + (long)policy.MaxSignalAge.TotalMilliseconds : null);

    /// <summary>After this, no submit sent at or before the horizon can still reach the venue.</summary>
    public long? NeverSeenIsFinalAtMs(OrderPolicy policy) =>
        SubmitByMs(policy) is { } by ? by + (long)(policy.VenueCallTimeout + policy.InFlightGrace).TotalMilliseconds : null;
}
