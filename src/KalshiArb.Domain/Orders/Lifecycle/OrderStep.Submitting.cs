using KalshiArb.Domain.Venues;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Domain.Orders.Lifecycle;

// Sending the order and finding out what the venue has.
internal sealed partial class OrderStep
{
    private void SendToVenue()
    {
        if (_s.InFlight != VenueCallInFlight.None)
        {
            // Never two submits racing: a lookup decides whether the venue has it.
            _s = _s with { ReconcileQueued = true };
            return;
        }
        var o = Order!;
        var by = SubmitBy;
        var expires = policy.SetVenueExpiry && by is { } b ? b + Ms(policy.CancelAfter) : (long?)null;
        var request = new VenueOrderRequest(Id, o.Ticker, o.Side, o.LimitPrice, o.Count, policy.TimeInForce, ExpiresAtMs: expires);
        _s = _s with { InFlight = VenueCallInFlight.Submit };
        Do(new SubmitToVenue(request, by));
    }

    private void OnSubmitWindowClosed()
    {
        _s = _s with { InFlight = VenueCallInFlight.None };
        var o = Order;
        if (o is null || o.ExchangeOrderId is not null || o.State is not (S.Submitting or S.CancelRequested)) return;
        if (_s.SubmitUncertain)
        {
            // An earlier submit may still land: the lookup path waits until it no longer can.
            Reconcile();
        }
        else if (o.State == S.CancelRequested)
        {
            if (Emit(new Canceled(Primitives.Quantity.Zero))) Finished(); // canceled before anything was sent
        }
        else
        {
            Expire(OrderExpiryReason.HorizonPassedInJournal, "the submit was journaled only after the horizon");
        }
    }

    private void OnSubmitHeldBack(string reason)
    {
        _s = _s with { InFlight = VenueCallInFlight.None };
        var o = Order;
        if (o is null || o.IsFinal || o.ExchangeOrderId is not null || o.State is not (S.Submitting or S.CancelRequested))
        {
            DrainQueued();
            return;
        }
        Log(OrderLogLevel.Warning, $"not sent: the risk gate did not confirm its reservation ({reason})");
        if (_s.SubmitUncertain && _s.NeverSeenIsFinalAtMs(policy) is { } final && nowMs < final)
        {
            // A previous incarnation's submit may still land: look again once it no longer can, then end.
            Do(new StartTimer(OrderTimer.Reconcile, Span(final - nowMs)));
            return;
        }
        if (o.State == S.CancelRequested)
        {
            if (Emit(new Canceled(Primitives.Quantity.Zero))) Finished();
            return;
        }
        if (Emit(new Rejected(OrderRejectReason.RiskUnavailable, reason))) Finished();
    }

    private void OnSubmitAnswered(VenueSubmitResult r)
    {
        _s = _s with { InFlight = VenueCallInFlight.None };
        switch (r.Kind)
        {
            case VenueResultKind.Accepted when !string.IsNullOrEmpty(r.ExchangeOrderId):
                var o = Order!;
                ApplyVenueState(new VenueOrderState(r.ExchangeOrderId, Id, o.Ticker, o.Side, o.LimitPrice,
                    r.Status ?? VenueOrderStatus.Resting, o.Count, r.FilledCount, r.RemainingCount));
                break;
            case VenueResultKind.Accepted:
            case VenueResultKind.AlreadyExists:
                // The venue has an order under our client id: find it rather than guess.
                Reconcile();
                break;
            default:
                Log(OrderLogLevel.Warning, $"venue refused ({r.Kind}): {r.Message}");
                if (Emit(new Rejected(r.Kind.ToRejectReason(), r.Message))) Finished();
                break;
        }
        DrainQueued();
    }

    private void OnSubmitLost(string reason)
    {
        _s = _s with { InFlight = VenueCallInFlight.None, SubmitUncertain = true };
        Log(OrderLogLevel.Warning, $"submit outcome unknown ({reason}); reconciling");
        Reconcile();
    }

    private void Reconcile()
    {
        if (Order is null || Order.IsFinal) return;
        if (_s.InFlight != VenueCallInFlight.None)
        {
            _s = _s with { ReconcileQueued = true };
            return;
        }
        _s = _s with { InFlight = VenueCallInFlight.Lookup };
        Do(new LookupAtVenue(Order.Ticker, Id));
    }

    private void OnLookupAnswered(VenueOrderLookup lookup)
    {
        _s = _s with { InFlight = VenueCallInFlight.None };
        var o = Order;
        if (o is null) return;
        if (lookup.Kind == VenueResultKind.Accepted && lookup.Order is { } found)
        {
            _s = _s with { ReconcileAttempts = 0 };
            ApplyVenueState(found);
        }
        else if (lookup.Kind == VenueResultKind.NotFound && o.ExchangeOrderId is null && o.State is S.Submitting or S.CancelRequested)
        {
            OnNeverSeen();
        }
        else
        {
            RetryReconcile($"lookup answered {lookup.Kind}: {lookup.Message}");
        }
        DrainQueued();
    }

    /// <summary>The venue has no order under our client id.</summary>
    private void OnNeverSeen()
    {
        var o = Order!;
        if (o.State == S.Submitting && !HorizonPassed)
        {
            // Send again under the same client id (a duplicate answers AlreadyExists): still inside the horizon.
            if (!Emit(new SubmitRetried())) return;
            Log(OrderLogLevel.Info, "venue has no such order; sending again with the same client id, inside its horizon");
            SendToVenue();
            return;
        }
        if (_s.SubmitUncertain && _s.NeverSeenIsFinalAtMs(policy) is { } final && nowMs < final)
        {
            Log(OrderLogLevel.Info, $"venue has no such order; a submit sent before the horizon may still land, looking again in {final - nowMs} ms");
            Do(new StartTimer(OrderTimer.Reconcile, Span(final - nowMs)));
            return;
        }
        if (o.State == S.CancelRequested)
        {
            // Canceled before it ever reached the venue.
            if (Emit(new Canceled(Primitives.Quantity.Zero))) Finished();
            return;
        }
        Expire(OrderExpiryReason.HorizonPassedNeverSeen, "the venue never got it and its horizon has passed");
    }

    private void OnLookupFailed(string reason)
    {
        _s = _s with { InFlight = VenueCallInFlight.None };
        AcknowledgePending(); // the fills could not be fetched: the venue's order id is known all the same
        RetryReconcile(reason);
        DrainQueued();
    }

    private void RetryReconcile(string reason)
    {
        if (Order is null || Order.IsTerminal || Order.State == S.NeedsAttention) return;
        var attempts = _s.ReconcileAttempts + 1;
        _s = _s with { ReconcileAttempts = attempts };
        if (attempts >= policy.MaxReconcileAttempts)
        {
            Log(OrderLogLevel.Error, $"cannot reconcile after {attempts} tries ({reason}); needs attention");
            if (Emit(new MarkedNeedsAttention($"reconcile failed {attempts} times: {reason}"))) Do(StopAllTimers.Instance);
            return;
        }
        Log(OrderLogLevel.Warning, $"reconcile try {attempts} failed ({reason})");
        Do(new StartTimer(OrderTimer.Reconcile, policy.ReconcileRetryInterval));
    }

    /// <summary>A call just ended: apply the venue report or run the lookup that waited for it.</summary>
    private void DrainQueued()
    {
        if (_s.InFlight != VenueCallInFlight.None) return;
        if (_s.PendingUpdate is { } update)
        {
            _s = _s with { PendingUpdate = null };
            ApplyVenueState(update);
        }
        else if (_s.ReconcileQueued)
        {
            _s = _s with { ReconcileQueued = false };
            Reconcile();
        }
    }
}
