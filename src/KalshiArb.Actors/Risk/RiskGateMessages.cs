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
/// An order asks for room without waiting for the gate's journal, told (not asked: it gets two answers) with the order
/// as sender. Answered at once by <see cref="ReservationHeld"/> (the reservation is in the gate's book and its journal
/// write is under way), then, once that write is durable, by <see cref="ReservationApproved"/> pushed to the same asker;
/// or at once by <see cref="ReservationApproved"/> (already durable) or <see cref="ReservationDenied"/>. If the gate stops
/// before the write is durable, its supervisor answers <see cref="RiskGateUnavailable"/> instead, and the reservation is
/// never approved. The order journals its approval while the gate journals the reservation, and its venue call waits for
/// the pushed approval: the two writes overlap instead of queueing, with one message to the gate.
/// </summary>
/// <param name="Attempt">
/// The order's token for this ask (never 0 from an order), echoed in every answer: an answer carrying another token
/// belongs to an earlier ask or incarnation and is ignored.
/// </param>
public sealed record ReserveAhead(string ExecutionId, string Ticker, OutcomeSide Side, Price LimitPrice, Quantity Count, long Attempt = 0)
{
    public Reserve ToReserve() => new(ExecutionId, Ticker, Side, LimitPrice, Count);
}

// Attempt on the answers below: the ReserveAhead's token they answer (0 for a Reserve). Added to the v1 shapes with a
// default: a body without it reads as 0, and an older reader skips it.

/// <summary>The reservation is durable in the gate's journal.</summary>
public sealed record ReservationApproved(Reservation Reservation, long Attempt = 0);

/// <summary>The reservation is in the gate's book, not yet durable: no venue call may rest on it until it is approved.</summary>
public sealed record ReservationHeld(Reservation Reservation, long Attempt = 0);

public sealed record ReservationDenied(string ExecutionId, RiskDenialReason Reason, long Attempt = 0);

/// <summary>
/// The gate is down (e.g. its journal refused a write) and restarting: the order fails closed at once instead of
/// waiting for its ask to time out. Nothing was reserved for it, or what was held for it was never made durable.
/// </summary>
public sealed record RiskGateUnavailable(string ExecutionId, string Reason, long Attempt = 0);

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
