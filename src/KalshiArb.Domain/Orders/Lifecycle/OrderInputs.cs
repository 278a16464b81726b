using KalshiArb.Domain.Risk;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Domain.Orders.Lifecycle;

// What can happen to an order: commands, answers from the gate and the venue, timers. The actor turns its messages
// into these and feeds them to OrderLifecycle.Decide. Kept together: each is one line.

public abstract record OrderInput;

/// <summary>
/// Create the order from a signal. <paramref name="Admitting"/> false: this node is shutting down and takes no new
/// orders (the order is refused without a journal).
/// </summary>
public sealed record PlaceRequested(
    string ExecutionId,
    string SignalId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Count,
    long SignalAtMs,
    bool Admitting = true,
    string? StrategyId = null) : OrderInput;

/// <summary>The journal has been replayed: pick up where the previous incarnation left off.</summary>
public sealed record Recovered : OrderInput
{
    public static readonly Recovered Instance = new();
}

public sealed record RiskApprovedInput(string ReservationExecutionId, Money Reserved) : OrderInput;

public sealed record RiskDeniedInput(string ExecutionId, RiskDenialReason Reason) : OrderInput;

/// <summary>The gate is down or did not answer in time: fail closed.</summary>
public sealed record RiskUnavailableInput(string Reason) : OrderInput;

public sealed record SubmitAnswered(VenueSubmitResult Result) : OrderInput;

/// <summary>The submit's outcome is unknown (timeout, transport error).</summary>
public sealed record SubmitLost(string Reason) : OrderInput;

/// <summary>The actor was about to make the venue call and the horizon had passed: it did not make it.</summary>
public sealed record SubmitWindowClosed : OrderInput
{
    public static readonly SubmitWindowClosed Instance = new();
}

/// <summary>
/// The actor did not make the venue call: the risk gate did not confirm that the order's reservation is durable (it
/// denied a second ask, was down, or did not answer in time). No venue call rests on a reservation the gate could lose.
/// </summary>
public sealed record SubmitHeldBack(string Reason) : OrderInput;

public sealed record LookupAnswered(VenueOrderLookup Lookup) : OrderInput;

public sealed record LookupFailed(string Reason) : OrderInput;

public sealed record FillsFetched(IReadOnlyList<VenueFill> Fills, VenueOrderState Then) : OrderInput;

public sealed record CancelAnswered(VenueCancelResult Result) : OrderInput;

/// <summary>A fill pushed by the venue.</summary>
public sealed record FillReported(VenueFill Fill) : OrderInput;

/// <summary>An order status pushed by the venue.</summary>
public sealed record VenueUpdated(VenueOrderState State) : OrderInput;

public sealed record CancelCommanded(string Reason) : OrderInput;

public sealed record TimerFired(OrderTimer Timer) : OrderInput;

public sealed record SettleCommanded(OutcomeSide? Winner, Money Payout) : OrderInput;

/// <summary>Nothing arrived for IdleStopAfter.</summary>
public sealed record IdleElapsed : OrderInput
{
    public static readonly IdleElapsed Instance = new();
}
