using KalshiArb.Domain.Risk;
using KalshiArb.Domain.Venues;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Domain.Orders.Lifecycle;

// Bringing the order in line with what the venue reports: acknowledgement, fills, status.
internal sealed partial class OrderStep
{
    private void OnVenueUpdated(VenueOrderState update)
    {
        if (Order is null || Order.IsFinal || !IsOurs(update.ClientOrderId, update.ExchangeOrderId)) return;
        CancelIfArrivedLate(update.ExchangeOrderId, $"status {update.Status}");
        if (_s.InFlight != VenueCallInFlight.None)
        {
            _s = _s with { PendingUpdate = update };
            return;
        }
        ApplyVenueState(update);
    }

    /// <summary>
    /// The order was expired at its horizon as never sent, yet the venue reports it: a submit landed later than the
    /// venue could take one (clock skew, a stuck request). Keep what the venue says, cancel it (its price is stale),
    /// and flag it for a person. The audit shows it as HorizonExpiryAtVenue.
    /// </summary>
    private void CancelIfArrivedLate(string exchangeOrderId, string what)
    {
        if (Order is not { State: S.Expired, ExpiryReason: { } reason } || !reason.IsHorizon()) return;
        Log(OrderLogLevel.Error, $"expired at its horizon ({reason}) but the venue reports it ({what}); canceling it, needs attention");
        if (!Emit(new MarkedNeedsAttention($"reached the venue after its horizon ({what})"))) return;
        if (Order!.ExchangeOrderId is null && exchangeOrderId.Length > 0) Emit(new Acknowledged(exchangeOrderId));
        RequestCancel("reached the venue after its horizon");
    }

    private bool IsOurs(string? clientOrderId, string exchangeOrderId) =>
        clientOrderId == Id || (Order?.ExchangeOrderId is { } known && known == exchangeOrderId);

    /// <summary>Acknowledgement, missing fills, then the venue's status.</summary>
    private void ApplyVenueState(VenueOrderState s)
    {
        // The venue has it: nothing sent earlier is unaccounted for any more.
        _s = _s with { SubmitUncertain = false };
        var unacknowledged = Order!.ExchangeOrderId is null && s.ExchangeOrderId.Length > 0;
        if (s.FilledCount > Order.FilledCount && _s.InFlight == VenueCallInFlight.None)
        {
            // Filled already (a taker order usually is): fetching the fills is only a read, so the acknowledgement
            // waits and goes into the one write with them.
            _s = _s with { InFlight = VenueCallInFlight.Fills, PendingAck = unacknowledged ? s.ExchangeOrderId : _s.PendingAck };
            Do(new FetchFills(s.ExchangeOrderId, s));
            return;
        }
        if (unacknowledged) Emit(new Acknowledged(s.ExchangeOrderId));
        ApplyVenueStatus(s);
    }

    private void OnFillsFetched(FillsFetched fetched)
    {
        _s = _s with { InFlight = VenueCallInFlight.None };
        AcknowledgePending();
        foreach (var fill in fetched.Fills)
            if (fill.ExchangeOrderId == fetched.Then.ExchangeOrderId) ApplyFill(fill);
        ApplyVenueStatus(fetched.Then);
        DrainQueued();
    }

    /// <summary>Journals an acknowledgement held back for the fills (see <see cref="ApplyVenueState"/>).</summary>
    private void AcknowledgePending()
    {
        if (_s.PendingAck is not { } exchangeOrderId) return;
        _s = _s with { PendingAck = null };
        if (Order!.ExchangeOrderId is null) Emit(new Acknowledged(exchangeOrderId));
    }

    private void ApplyVenueStatus(VenueOrderState s)
    {
        var o = Order!;
        if (o.IsTerminal) return;
        switch (s.Status)
        {
            case VenueOrderStatus.Canceled:
                if (Emit(new Canceled(s.FilledCount))) Finished();
                break;
            case VenueOrderStatus.Executed:
                // Executed but not every fill is visible yet: look again shortly.
                SchedulePoll("executed, fills pending");
                break;
            default:
                if (o.State == S.CancelRequested)
                {
                    if (_s.CancelSent) SchedulePoll("cancel sent, venue still says resting");
                    else SendCancel();
                }
                else if (_s.CancelWanted)
                {
                    RequestCancel("requested before acknowledgement");
                }
                else if (o.State is S.Resting or S.PartiallyFilled && !_s.CancelTimerStarted)
                {
                    _s = _s with { CancelTimerStarted = true };
                    Do(new StartTimer(OrderTimer.CancelAfter, policy.CancelAfter));
                }
                break;
        }
    }

    private void SchedulePoll(string why)
    {
        var polls = _s.Polls + 1;
        _s = _s with { Polls = polls };
        if (polls > policy.MaxPolls)
        {
            if (Emit(new MarkedNeedsAttention($"venue did not reach a final status after {policy.MaxPolls} lookups ({why})")))
                Do(StopAllTimers.Instance);
            return;
        }
        Do(new StartTimer(OrderTimer.Poll, policy.PollInterval));
    }

    private void ApplyFill(VenueFill fill)
    {
        var o = Order;
        if (o is null || !IsOurs(fill.ClientOrderId, fill.ExchangeOrderId)) return;
        if (fill.Side == o.Side && fill.Ticker == o.Ticker)
        {
            CancelIfArrivedLate(fill.ExchangeOrderId, $"fill {fill.TradeId}");
            o = Order!;
        }
        if (fill.Side != o.Side || fill.Ticker != o.Ticker)
        {
            _s = _s with { Refused = _s.Refused + 1 };
            Log(OrderLogLevel.Warning, $"fill {fill.TradeId} for {fill.Ticker}/{fill.Side} does not match the order");
            return;
        }
        if (!Emit(new FillApplied(fill.TradeId, fill.Count, fill.Price, fill.Fee, fill.IsTaker))) return;
        // The fill that fills the order also ends it at the gate: one report (and one gate write) instead of two.
        var endsOrder = Order!.State == S.Filled && !_s.TerminalReported;
        if (endsOrder) _s = _s with { TerminalReported = true };
        Do(new ReportFillToGate(new RiskFill(Id, fill.TradeId, o.Ticker, o.Side, fill.Count, fill.Price, fill.Fee), endsOrder));
        if (Order.State == S.Filled) Finished();
    }
}
