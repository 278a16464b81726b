using KalshiArb.Domain.Risk;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Domain.Orders.Lifecycle;

// What the actor must do for a decision: effects run only once the decision's events are durable (persist before
// acting). Kept together: each is one line.

public abstract record OrderEffect;

/// <summary>Ask the risk gate for room; the answer comes back as a Risk*Input.</summary>
public sealed record AskRisk(string ExecutionId, string Ticker, OutcomeSide Side, Price LimitPrice, Quantity Count, TimeSpan Timeout) : OrderEffect;

/// <summary>Send the order. Never performed after <paramref name="NotAfterMs"/>: the actor feeds SubmitWindowClosed instead.</summary>
public sealed record SubmitToVenue(VenueOrderRequest Request, long? NotAfterMs) : OrderEffect;

public sealed record LookupAtVenue(string Ticker, string ClientOrderId) : OrderEffect;

public sealed record FetchFills(string ExchangeOrderId, VenueOrderState Then) : OrderEffect;

public sealed record CancelAtVenue(string ExchangeOrderId) : OrderEffect;

/// <summary><paramref name="EndsOrder"/>: the fill filled the order; the gate releases the rest of its reservation with it.</summary>
public sealed record ReportFillToGate(RiskFill Fill, bool EndsOrder = false) : OrderEffect;

/// <summary>The order is over: the gate releases what is left of its reservation (idempotent; unknown ids are ignored).</summary>
public sealed record ReleaseAtGate(string ExecutionId) : OrderEffect;

public sealed record StartTimer(OrderTimer Timer, TimeSpan After) : OrderEffect;

public sealed record StopAllTimers : OrderEffect
{
    public static readonly StopAllTimers Instance = new();
}

/// <summary>Answer whoever placed the order.</summary>
public sealed record ReplyPlaced(bool IsNew, ExecutionOrderState State) : OrderEffect;

public sealed record ReplyNotPlaced(string Reason) : OrderEffect;

/// <summary>Stop after this long without messages (null: never).</summary>
public sealed record IdleAfter(TimeSpan? After) : OrderEffect;

/// <summary>Stop now (through the shard, so a remembered entity is not restarted).</summary>
public sealed record Passivate : OrderEffect
{
    public static readonly Passivate Instance = new();
}

/// <summary>Tell the node's order desk the order's current state (after recovery; changes are told automatically).</summary>
public sealed record NotifyDesk : OrderEffect
{
    public static readonly NotifyDesk Instance = new();
}

public enum OrderLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

public sealed record LogLine(OrderLogLevel Level, string Text) : OrderEffect;

/// <summary>
/// A fill, an end or a settlement for the operator's log (<see cref="OrderNarration"/>): carried as data and worded only
/// where the log level lets it through, so a node that does not log them pays nothing for the text.
/// </summary>
public sealed record Narrate(OrderEvent Applied, ExecutionOrder? Before, ExecutionOrder After) : OrderEffect;
