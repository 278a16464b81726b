using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Risk;

// What the risk gate is asked and what it answers. The gate becomes a cluster singleton later, so every
// one of these is catalogued for our serializer (RiskMessages.Register). Kept together: each is one line.

/// <summary>An order asks for room. Answered by <see cref="ReservationApproved"/> or <see cref="ReservationDenied"/>.</summary>
public sealed record Reserve(string ExecutionId, string Ticker, OutcomeSide Side, Price LimitPrice, Quantity Count)
{
    public ReservationRequest ToRequest() => new(ExecutionId, Ticker, Side, LimitPrice, Count);
}

/// <summary>
/// An order asks for room without waiting for the gate's journal: answered at once by <see cref="ReservationHeld"/> (the
/// reservation is in the gate's book and its journal write is under way), or by <see cref="ReservationDenied"/>. The
/// order journals its approval while the gate journals the reservation, and asks <see cref="Reserve"/> again before its
/// venue call, which the gate answers only once the reservation is durable: the two writes overlap instead of queueing.
/// </summary>
public sealed record ReserveAhead(string ExecutionId, string Ticker, OutcomeSide Side, Price LimitPrice, Quantity Count)
{
    public Reserve ToReserve() => new(ExecutionId, Ticker, Side, LimitPrice, Count);
}

/// <summary>The reservation is durable in the gate's journal.</summary>
public sealed record ReservationApproved(Reservation Reservation);

/// <summary>The reservation is in the gate's book, not yet durable: no venue call may rest on it until a <see cref="Reserve"/> is approved.</summary>
public sealed record ReservationHeld(Reservation Reservation);

public sealed record ReservationDenied(string ExecutionId, RiskDenialReason Reason);

/// <summary>
/// The gate is down (e.g. its journal refused a write) and restarting: the order fails closed at once instead of
/// waiting for its ask to time out. Nothing was reserved for it.
/// </summary>
public sealed record RiskGateUnavailable(string ExecutionId, string Reason);

/// <summary>Why the gate is not answering and when it tries again; shown by status while it lasts.</summary>
public sealed record RiskGateOutage(string Reason, DateTimeOffset Since, DateTimeOffset? RetryAt, int Restarts);

/// <summary>A fill of an order (or of a position loaded at startup). No reply.</summary>
/// <summary>
/// <paramref name="EndsOrder"/>: the fill filled the order, so what is left of its reservation is released with it
/// (one journal write at the gate instead of a fill and a release).
/// </summary>
public sealed record ReportFill(RiskFill Fill, bool EndsOrder = false);

/// <summary>The order is terminal: release what is left of its reservation. No reply.</summary>
public sealed record ReportOrderTerminal(string ExecutionId);

/// <summary>The market settled at <paramref name="YesValue"/> per YES contract. No reply.</summary>
public sealed record ReportSettlement(string Ticker, Price YesValue);

/// <summary>Kill switch: deny everything and have every resting order canceled.</summary>
public sealed record HaltTrading(string Reason);

/// <summary>Kill switch: only orders that shrink a position pass.</summary>
public sealed record EnterReduceOnly(string Reason);

/// <summary>The only way back to trading.</summary>
public sealed record ResumeTrading(string Reason);

/// <summary>
/// Sent to the commander and to every subscriber when the kill switch moves (and to a new subscriber at once).
/// <paramref name="InFlightExecutionIds"/> are the orders still holding a reservation: what a halt must cancel.
/// </summary>
public sealed record KillSwitchChanged(KillSwitchState State, string Reason, IReadOnlyList<string> InFlightExecutionIds);

/// <summary>The sender is told of every kill switch change until it stops.</summary>
public sealed record SubscribeKillSwitch
{
    public static readonly SubscribeKillSwitch Instance = new();
}

public sealed record GetRiskState
{
    public static readonly GetRiskState Instance = new();
}

/// <summary>The gate as a person or a dashboard sees it.</summary>
public sealed record RiskStateView(
    KillSwitchState KillSwitch,
    Money Balance,
    Money AvailableBalance,
    Money Reserved,
    Money TotalExposure,
    int OpenMarkets,
    Money RealizedToday,
    int LossStreak,
    DateTimeOffset? CooldownUntil,
    IReadOnlyList<MarketPosition> Positions,
    IReadOnlyList<Reservation> Reservations,
    IReadOnlyDictionary<string, int> DenialCounts,
    int RefusedUpdates,
    long SequenceNr,
    RiskGateOutage? Outage = null);

/// <summary>A net position as the venue reports it at startup (Contracts &gt; 0 YES, &lt; 0 NO).</summary>
public sealed record VenuePositionSeed(string Ticker, Quantity Contracts, Money CostBasis);

/// <summary>An order resting at the venue at startup; it holds room until it is reported terminal.</summary>
public sealed record VenueRestingOrderSeed(string ExecutionId, string Ticker, OutcomeSide Side, Price LimitPrice, Quantity RemainingCount);

/// <summary>
/// Startup: the venue's balance, positions and resting orders replace the gate's view of them (the venue is
/// the truth for money and contracts). Answered by <see cref="VenueStateLoaded"/>.
/// </summary>
public sealed record LoadVenueState(Money Balance, IReadOnlyList<VenuePositionSeed> Positions, IReadOnlyList<VenueRestingOrderSeed> RestingOrders);

public sealed record VenueStateLoaded(int Positions, int RestingOrders);
