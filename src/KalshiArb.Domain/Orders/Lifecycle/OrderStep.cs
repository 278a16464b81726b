using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>
/// Builds one <see cref="OrderDecision"/>: the handlers read and replace the state, emit events through the state
/// machine and list effects. Lives only for one Decide call, so nothing outside sees it change.
/// </summary>
internal sealed partial class OrderStep(OrderProcess state, long nowMs, OrderPolicy policy)
{
    private readonly List<OrderEvent> _events = [];
    private readonly List<OrderEffect> _effects = [];
    private OrderProcess _s = state;

    private ExecutionOrder? Order => _s.Order;

    private string Id => _s.ExecutionId;

    public OrderDecision Decision() => new(_s, _events, _effects);

    public void Handle(OrderInput input)
    {
        switch (input)
        {
            case PlaceRequested p: OnPlace(p); break;
            case Recovered: OnRecovered(); break;
            case RiskApprovedInput a: OnRiskApproved(a); break;
            case RiskDeniedInput d: OnRiskDenied(d); break;
            case RiskUnavailableInput u: OnRiskUnavailable(u.Reason); break;
            case SubmitAnswered a: OnSubmitAnswered(a.Result); break;
            case SubmitLost l: OnSubmitLost(l.Reason); break;
            case SubmitWindowClosed: OnSubmitWindowClosed(); break;
            case SubmitHeldBack h: OnSubmitHeldBack(h.Reason); break;
            case LookupAnswered l: OnLookupAnswered(l.Lookup); break;
            case LookupFailed f: OnLookupFailed(f.Reason); break;
            case FillsFetched f: OnFillsFetched(f); break;
            case CancelAnswered c: OnCancelAnswered(c.Result); break;
            case FillReported f: ApplyFill(f.Fill); break;
            case VenueUpdated u: OnVenueUpdated(u.State); break;
            case CancelCommanded c: RequestCancel(c.Reason); break;
            case TimerFired t: OnTimer(t.Timer); break;
            case SettleCommanded s: OnSettle(s); break;
            case IdleElapsed: OnIdle(); break;
            default: throw new ArgumentOutOfRangeException(nameof(input), input.GetType().Name, "not an order input");
        }
    }

    private void OnTimer(OrderTimer timer)
    {
        switch (timer)
        {
            case OrderTimer.Horizon: OnHorizon(); break;
            case OrderTimer.CancelAfter: RequestCancel("timeout"); break;
            case OrderTimer.Poll or OrderTimer.Reconcile: Reconcile(); break;
        }
    }

    // ------------------------------------------------------------------ building blocks

    /// <summary>
    /// Applies the event through the state machine; if it applies, it joins the decision's journal write, behind the
    /// order's creation when that is not journaled yet.
    /// </summary>
    private bool Emit(OrderEvent e)
    {
        var r = ExecutionOrderMachine.Apply(Order, e);
        if (!r.IsApplied)
        {
            Count(r, e);
            return false;
        }
        if (_s.Unjournaled is { } created)
        {
            _events.Add(created);
            _s = _s with { Unjournaled = null };
        }
        var before = Order;
        _s = OrderLifecycle.Track(_s with { Order = r.Order }, e, nowMs);
        _events.Add(e);
        if (r.Order is { } after && OrderNarration.IsWorthALine(e, before, after)) Do(new Narrate(e, before, after));
        return true;
    }

    /// <summary>Several events in one atomic write: each must apply in turn, or none is journaled.</summary>
    private bool EmitAll(params OrderEvent[] events)
    {
        var order = Order;
        foreach (var e in events)
        {
            var r = ExecutionOrderMachine.Apply(order, e);
            if (!r.IsApplied)
            {
                Count(r, e);
                return false;
            }
            order = r.Order;
        }
        foreach (var e in events) Emit(e);
        return true;
    }

    private void Count(TransitionResult r, OrderEvent e)
    {
        if (r.IsDuplicate)
        {
            _s = _s with { Duplicates = _s.Duplicates + 1 };
            return;
        }
        _s = _s with { Refused = _s.Refused + 1 };
        Log(OrderLogLevel.Warning, $"{e.GetType().Name} refused in state {Order?.State}: {r.Error}");
    }

    private void Do(OrderEffect effect) => _effects.Add(effect);

    private void Log(OrderLogLevel level, string text) => _effects.Add(new LogLine(level, $"order {Id}: {text}"));

    private long? SubmitBy => _s.SubmitByMs(policy);

    /// <summary>Unknown horizons (old journals recovered without a creation time) count as passed: fail closed.</summary>
    private bool HorizonPassed => SubmitBy is not { } by || nowMs > by;

    private static long Ms(TimeSpan t) => (long)t.TotalMilliseconds;

    private static TimeSpan Span(long ms) => TimeSpan.FromMilliseconds(Math.Max(0, ms));

    // ------------------------------------------------------------------ endings

    /// <summary>Terminal: stop timers, release the gate's reservation (idempotent at the gate), allow passivation.</summary>
    private void Finished()
    {
        Do(StopAllTimers.Instance);
        _s = _s with { CancelWanted = false, CancelTimerStarted = false };
        if (!_s.TerminalReported)
        {
            _s = _s with { TerminalReported = true };
            Do(new ReleaseAtGate(Id));
        }
        Do(new IdleAfter(policy.FinishedStopAfter));
    }

    /// <summary>The order never reached the venue and its time is up.</summary>
    private void Expire(OrderExpiryReason reason, string why)
    {
        if (!Emit(new Expired(null, reason))) return;
        var late = SubmitBy is { } by ? $"{nowMs - by} ms after its horizon" : "with no known horizon";
        Log(OrderLogLevel.Warning, $"expired ({reason}), {late}: {why}; not sent to the venue");
        Finished();
    }

    private void OnHorizon()
    {
        if (Order?.State is S.Created) Expire(OrderExpiryReason.HorizonPassedBeforeSubmit, "still waiting for the risk gate");
        else if (Order?.State is S.RiskApproved) Expire(OrderExpiryReason.HorizonPassedBeforeSubmit, "approved but not yet sent");
    }
}
