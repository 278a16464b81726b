using KalshiArb.Domain.Risk;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Domain.Orders.Lifecycle;

// Creation, recovery and the risk gate.
internal sealed partial class OrderStep
{
    private void OnPlace(PlaceRequested p)
    {
        if (Order is not null)
        {
            Do(new ReplyPlaced(IsNew: false, Order.State));
            return;
        }
        if (p.ExecutionId != Id)
        {
            Do(new ReplyNotPlaced($"sent to order {Id}"));
            return;
        }
        if (!p.Admitting)
        {
            Do(new ReplyNotPlaced("node shutting down: no new orders"));
            Do(new IdleAfter(policy.IdleStopAfter));
            return;
        }

        var submitBy = p.SignalAtMs + Ms(policy.MaxSignalAge);
        var created = new OrderCreated(p.ExecutionId, p.Ticker, p.Side, p.LimitPrice, p.Count, p.SignalId, p.SignalAtMs, submitBy, p.StrategyId);
        var r = ExecutionOrderMachine.Apply(null, created);
        if (!r.IsApplied)
        {
            Count(r, created);
            Do(new ReplyNotPlaced("invalid order (count, limit price or ticker)"));
            Do(new IdleAfter(policy.IdleStopAfter));
            return;
        }
        // Created in memory only: its first write (with the gate's answer) carries it. Nothing reaches the venue before
        // Created, RiskApproved and SubmitRequested are all durable, and a crash before that write leaves no order (the
        // reservation the gate may hold is released when the empty order idles out).
        _s = OrderLifecycle.Track(_s with { Order = r.Order, Unjournaled = created }, created, nowMs);
        if (nowMs > submitBy)
        {
            // Journaled all the same: every signal that became an order can be accounted for.
            Expire(OrderExpiryReason.SignalTooOld, $"the signal was {nowMs - p.SignalAtMs} ms old when the order was created");
            Do(new ReplyPlaced(IsNew: true, Order!.State));
            return;
        }
        Do(new IdleAfter(null));
        AskRisk();
        Do(new ReplyPlaced(IsNew: true, S.Created));
        Do(new StartTimer(OrderTimer.Horizon, Span(submitBy - nowMs)));
    }

    private void OnRecovered()
    {
        if (Order is null)
        {
            Do(new IdleAfter(policy.IdleStopAfter));
            return;
        }
        Do(NotifyDesk.Instance);
        Log(OrderLogLevel.Info, $"recovered in {Order.State}");
        switch (Order.State)
        {
            case S.Created or S.RiskApproved when HorizonPassed:
                Expire(OrderExpiryReason.HorizonPassedBeforeSubmit, "recovered after its horizon, never sent");
                break;
            case S.Created:
                // The gate answers a known execution id with the same approval.
                AskRisk();
                Do(new StartTimer(OrderTimer.Horizon, Span(SubmitBy!.Value - nowMs)));
                break;
            case S.RiskApproved:
                if (Emit(new SubmitRequested())) SendToVenue();
                break;
            case S.Submitting:
                // A previous incarnation may have sent it: only the venue can say.
                _s = _s with { SubmitUncertain = true };
                Reconcile();
                break;
            case S.Resting or S.PartiallyFilled or S.CancelRequested:
                ReportFillsToGate();
                Reconcile();
                break;
            case S.NeedsAttention:
                ReportFillsToGate();
                break;
            default:
                ReportFillsToGate();
                Finished();
                break;
        }
    }

    /// <summary>The gate de-duplicates by trade id, so re-reporting after a crash repairs a report lost with it.</summary>
    private void ReportFillsToGate()
    {
        var o = Order!;
        foreach (var f in o.Fills)
            Do(new ReportFillToGate(new RiskFill(Id, f.TradeId, o.Ticker, o.Side, f.Count, f.Price, f.Fee)));
    }

    private void AskRisk()
    {
        if (_s.RiskPending) return;
        _s = _s with { RiskPending = true };
        var o = Order!;
        Do(new AskRisk(Id, o.Ticker, o.Side, o.LimitPrice, o.Count, policy.RiskTimeout));
    }

    private void OnRiskApproved(RiskApprovedInput a)
    {
        _s = _s with { RiskPending = false };
        if (Order?.State != S.Created) return;
        if (a.ReservationExecutionId != Id)
        {
            OnRiskUnavailable($"approval for another order ({a.ReservationExecutionId})");
            return;
        }
        if (HorizonPassed)
        {
            Expire(OrderExpiryReason.HorizonPassedBeforeSubmit, "the risk gate approved it after its horizon");
            return;
        }
        var approved = new RiskApproved(a.Reserved);
        if (_s.CancelWanted)
        {
            if (EmitAll(approved, new Canceled(Quantity.Zero))) Finished();
            return;
        }
        // One write instead of two: the journal still reads approval before submit (the audit's rule), and a crash
        // before it leaves the order Created, which asks the gate again and gets the same approval.
        if (EmitAll(approved, new SubmitRequested())) SendToVenue();
    }

    private void OnRiskDenied(RiskDeniedInput d)
    {
        _s = _s with { RiskPending = false };
        if (Order?.State != S.Created) return;
        if (d.ExecutionId != Id)
        {
            OnRiskUnavailable($"denial for another order ({d.ExecutionId})");
            return;
        }
        if (Emit(new RiskDenied(d.Reason))) Finished();
    }

    private void OnRiskUnavailable(string reason)
    {
        _s = _s with { RiskPending = false };
        if (Order?.State != S.Created) return;
        // Fail closed: without an answer the order never reaches a venue. Finished() also tells the gate the order is
        // over, which releases a reservation the gate may have granted after we stopped waiting.
        Log(OrderLogLevel.Warning, $"risk gate unavailable ({reason}); rejecting");
        if (Emit(new Rejected(OrderRejectReason.RiskUnavailable, reason))) Finished();
    }
}
