using KalshiArb.Domain.Venues;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Domain.Orders.Lifecycle;

// Cancel, settlement and going idle.
internal sealed partial class OrderStep
{
    private void RequestCancel(string reason)
    {
        var o = Order;
        if (o is null || o.IsTerminal) return;
        switch (o.State)
        {
            case S.Created:
                _s = _s with { CancelWanted = true }; // decided when the gate answers
                break;
            case S.RiskApproved:
                if (Emit(new Canceled(Quantity.Zero))) Finished(); // never sent
                break;
            case S.CancelRequested:
                if (!_s.CancelSent) SendCancel();
                break;
            default:
                Log(OrderLogLevel.Info, $"cancel requested ({reason})");
                _s = _s with { CancelWanted = false };
                if (Emit(new CancelRequested(reason))) SendCancel();
                break;
        }
    }

    private void SendCancel()
    {
        if (Order?.ExchangeOrderId is not { } exchangeId) return; // not acknowledged yet: the acknowledgement path sends it
        if (_s.InFlight != VenueCallInFlight.None)
        {
            _s = _s with { ReconcileQueued = true }; // the lookup sees CancelRequested + resting and comes back here
            return;
        }
        _s = _s with { InFlight = VenueCallInFlight.Cancel, CancelSent = true };
        Do(new CancelAtVenue(exchangeId));
    }

    private void OnCancelAnswered(VenueCancelResult r)
    {
        _s = _s with { InFlight = VenueCallInFlight.None };
        // Accepted or NotFound: the venue is ending it; anything else: send again on the next lookup.
        if (r.Kind is not (VenueResultKind.Accepted or VenueResultKind.NotFound))
        {
            Log(OrderLogLevel.Warning, $"cancel answered {r.Kind}: {r.Message}");
            _s = _s with { CancelSent = false };
        }
        // A cancel may be acknowledged while the venue still reports the order resting: look until it is final.
        Reconcile();
    }

    private void OnSettle(SettleCommanded settle)
    {
        if (Order is null) return;
        Emit(new Settled(settle.Winner, settle.Payout));
    }

    private void OnIdle()
    {
        if (Order is not null && !Order.IsTerminal) return;
        // An order that recovered empty may still hold a reservation asked while its OrderCreated write was lost in a
        // crash: it never existed, so release whatever is under its id (the gate ignores unknown ids). Long after any
        // ask of the lost incarnation reached the gate.
        if (Order is null) Do(new ReleaseAtGate(Id));
        Do(Passivate.Instance);
    }
}
