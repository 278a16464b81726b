using KalshiArb.Actors.Contracts;
using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Execution;

// What an OrderActor (an entity of the order shard region) is asked and answers. Every command names its execution
// id, so cluster sharding can route by it later. Kept together: each is one line.

/// <summary>A message for one order, routed by its execution id.</summary>
public interface IOrderMessage
{
    string ExecutionId { get; }
}

/// <summary>Create the order from a signal (idempotent: a repeat answers the existing order).</summary>
public sealed record PlaceOrder(string ExecutionId, TradeSignal Signal) : IOrderMessage;

/// <summary>Answer to PlaceOrder / a TradeSignal. <paramref name="IsNew"/> false when the order already existed.</summary>
public sealed record OrderPlaced(string ExecutionId, bool IsNew, ExecutionOrderState State);

/// <summary>Answer when an order could not be created (bad signal, execution id mismatch).</summary>
public sealed record OrderNotPlaced(string ExecutionId, string Reason);

/// <summary>Cancel the order's remainder (timeout, kill switch, an operator).</summary>
public sealed record CancelOrder(string ExecutionId, string Reason) : IOrderMessage;

/// <summary>The order's market settled; <paramref name="Payout"/> is what its filled contracts paid.</summary>
public sealed record SettleOrder(string ExecutionId, OutcomeSide? Winner, Money Payout) : IOrderMessage;

public sealed record GetOrderState(string ExecutionId) : IOrderMessage;

/// <summary>
/// From the open-order watch: starts the entity if it is not running (it recovers and reconciles). A running, unfinished
/// order does nothing; a finished one (or an id with nothing journaled) answers its <see cref="OrderStateView"/>, so the
/// watch can take it off the open-order table. It does not count as activity: an order waiting to idle out (an empty
/// one releasing an orphaned reservation, a finished one) still stops on time.
/// </summary>
public sealed record WakeOrder(string ExecutionId) : IOrderMessage, Akka.Actor.INotInfluenceReceiveTimeout;

/// <summary>One order as a person sees it. <paramref name="Exists"/> false: nothing journaled under that id.</summary>
public sealed record OrderStateView(
    string ExecutionId,
    bool Exists,
    ExecutionOrderState? State,
    string? SignalId,
    string? Ticker,
    OutcomeSide? Side,
    Price? LimitPrice,
    Quantity? Count,
    Quantity FilledCount,
    string? ExchangeOrderId,
    IReadOnlyList<OrderFill> Fills,
    Money Fees,
    RiskDenialReason? DenialReason,
    OrderRejectReason? RejectReason,
    string? AttentionReason,
    int RefusedTransitions,
    int DuplicateFills,
    int ReconcileAttempts,
    long SequenceNr,
    long? SubmitByMs = null,
    OrderExpiryReason? ExpiryReason = null)
{
    public static OrderStateView Of(OrderProcess p, long sequenceNr)
    {
        var o = p.Order;
        return new OrderStateView(p.ExecutionId, o is not null, o?.State, o?.SignalId, o?.Ticker, o?.Side, o?.LimitPrice, o?.Count,
            o?.FilledCount ?? Quantity.Zero, o?.ExchangeOrderId, o?.Fills.ToArray() ?? [], o?.Fees ?? Money.Zero, o?.DenialReason,
            o?.RejectReason, o?.AttentionReason, p.Refused, p.Duplicates, p.ReconcileAttempts, sequenceNr, o?.SubmitByMs, o?.ExpiryReason);
    }
}

/// <summary>
/// Told to the node's order desk after every change and after recovery. <paramref name="EndedAs"/> is set once, on the
/// change that ended the order (<see cref="OrderOutcome"/>), so the desk can count how orders end.
/// <paramref name="Side"/> and <paramref name="Fills"/> let the desk keep P&amp;L and settle the order when its market
/// settles (v1 notices lack them: YES and no fills). <paramref name="StrategyId"/> splits the desk's orders and P&amp;L
/// per strategy (absent or null: the consensus strategy).
/// </summary>
public sealed record OrderStatusNotice(string ExecutionId, string Ticker, ExecutionOrderState State, string? ExchangeOrderId, string? AttentionReason,
    string? EndedAs = null, OutcomeSide Side = OutcomeSide.Yes, IReadOnlyList<OrderFill>? Fills = null, string? StrategyId = null)
{
    public static OrderStatusNotice Of(OrderProcess p) =>
        new(p.ExecutionId, p.Order!.Ticker, p.Order.State, p.Order.ExchangeOrderId, p.Order.AttentionReason,
            Side: p.Order.Side, Fills: p.Order.Fills.Count == 0 ? null : p.Order.Fills, StrategyId: p.Order.StrategyId);
}
