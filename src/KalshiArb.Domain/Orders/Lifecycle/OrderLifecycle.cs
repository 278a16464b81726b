namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>
/// One order's logic as a pure pair: <see cref="Decide"/> turns an input into events, effects and the next state;
/// <see cref="Evolve"/> applies a journaled event on replay. The OrderActor only persists, performs effects and keeps
/// timers. Rules kept here:
/// <list type="bullet">
/// <item>Persist before acting: effects run after the decision's events are durable. A new order's creation is
/// journaled with its first decided change (normally the gate's answer), so it pays one write before its venue call.</item>
/// <item>Time bounds every order: nothing is sent after the signal's horizon (SubmitByMs). An order not at the venue
/// by then ends Expired with a reason and releases its reservation; a recovered order the venue never saw is sent
/// again only inside the horizon.</item>
/// <item>The order changes only through ExecutionOrderMachine; a refused event is logged and counted, never journaled.</item>
/// <item>At most one venue call is in flight; anything that wants another while one runs is re-driven by a lookup.</item>
/// </list>
/// </summary>
public static class OrderLifecycle
{
    public static OrderDecision Decide(OrderProcess state, OrderInput input, long nowMs, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var step = new OrderStep(state, nowMs, policy);
        step.Handle(input);
        return step.Decision();
    }

    /// <summary>Applies a journaled event, as on replay. An event the machine refuses is counted and skipped.</summary>
    public static OrderProcess Evolve(OrderProcess state, OrderEvent e, long atMs)
    {
        var r = ExecutionOrderMachine.Apply(state.Order, e);
        return r.IsApplied ? Track(state with { Order = r.Order }, e, atMs) : state with { Refused = state.Refused + 1 };
    }

    /// <summary>The journal facts the process keeps beside the order itself.</summary>
    internal static OrderProcess Track(OrderProcess s, OrderEvent e, long atMs) => e switch
    {
        OrderCreated => s with { CreatedAtMs = atMs },
        SubmitRequested or SubmitRetried => s with { LastSubmitAtMs = atMs },
        _ => s,
    };
}
