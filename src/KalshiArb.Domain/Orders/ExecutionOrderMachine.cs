using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Domain.Orders;

/// <summary>
/// The only way an <see cref="ExecutionOrder"/> changes. Decisions worth knowing:
/// <list type="bullet">
/// <item>Fills are accepted while Submitting: the venue may report a fill before our acknowledgement
/// arrives. A later Acknowledged then only records the exchange order id.</item>
/// <item>Fills after CancelRequested apply (the cancel races the match); a full fill makes it Filled.</item>
/// <item>After Canceled/Expired a fill applies only up to the filled count the venue reported with that
/// event (fills in flight); anything else is FillAfterTerminal.</item>
/// <item>Duplicates (same trade id, same acknowledgement) are reported as errors with IsDuplicate so
/// the caller can count them; the order is unchanged.</item>
/// <item>Terminal states stay terminal: from Filled/Canceled/Expired only Settled (and late fills/ids as
/// above) apply; RiskDenied, Rejected and Settled accept nothing. One exception: an order expired at its horizon as
/// never sent that the venue turns out to have is marked NeedsAttention, so its fills are kept and a person looks.</item>
/// </list>
/// </summary>
public static class ExecutionOrderMachine
{
    public static TransitionResult Apply(ExecutionOrder? order, OrderEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (order is null)
            return e is OrderCreated created ? Create(created) : Fail(null, TransitionError.NotCreated);

        return e switch
        {
            OrderCreated => Fail(order, TransitionError.AlreadyCreated),
            FillApplied fill => ApplyFill(order, fill),
            Acknowledged ack => ApplyAck(order, ack),
            _ when order.State.IsFinal() => Fail(order, TransitionError.DisallowedTransition),
            RiskApproved => Move(order, S.Created, order with { State = S.RiskApproved }),
            RiskDenied d => Move(order, S.Created, order with { State = S.RiskDenied, DenialReason = d.Reason }),
            SubmitRequested => Move(order, S.RiskApproved, order with { State = S.Submitting }),
            SubmitRetried => order.State == S.Submitting && order.ExchangeOrderId is null
                ? Ok(order with { SubmitRetries = order.SubmitRetries + 1 })
                : Fail(order, TransitionError.DisallowedTransition),
            CancelRequested => order.State is S.Submitting or S.Resting or S.PartiallyFilled or S.NeedsAttention
                ? Ok(order with { State = S.CancelRequested })
                : Fail(order, TransitionError.DisallowedTransition),
            Canceled c => ApplyVenueEnd(order, c.VenueFilledCount, S.Canceled),
            Expired x => ApplyExpiry(order, x),
            Rejected r => ApplyReject(order, r),
            Settled s => ApplySettlement(order, s),
            MarkedNeedsAttention m => order.State is S.RiskApproved or S.Submitting or S.Resting or S.PartiallyFilled or S.CancelRequested
                || (order.State == S.Expired && order.ExpiryReason?.IsHorizon() == true)
                ? Ok(order with { State = S.NeedsAttention, AttentionReason = m.Reason })
                : Fail(order, TransitionError.DisallowedTransition),
            _ => Fail(order, TransitionError.DisallowedTransition),
        };
    }

    /// <summary>Rebuilds an order from its journal; events that do not apply are skipped and counted.</summary>
    public static ExecutionOrder? Replay(IEnumerable<OrderEvent> events, out int errors)
    {
        ExecutionOrder? order = null;
        errors = 0;
        foreach (var e in events)
        {
            var r = Apply(order, e);
            if (r.IsApplied) order = r.Order;
            else errors++;
        }
        return order;
    }

    private static TransitionResult Create(OrderCreated c)
    {
        if (string.IsNullOrEmpty(c.ExecutionId) || string.IsNullOrEmpty(c.Ticker) || c.Count.Hundredths <= 0
            || c.LimitPrice.Ticks <= 0 || c.LimitPrice.Ticks >= Price.TicksPerDollar || !Enum.IsDefined(c.Side))
            return Fail(null, TransitionError.InvalidOrder);
        return Ok(new ExecutionOrder
        {
            ExecutionId = c.ExecutionId,
            Ticker = c.Ticker,
            Side = c.Side,
            LimitPrice = c.LimitPrice,
            Count = c.Count,
            SignalId = c.SignalId,
            SignalAtMs = c.SignalAtMs,
            SubmitByMs = c.SubmitByMs,
            StrategyId = c.StrategyId,
        });
    }

    private static TransitionResult ApplyFill(ExecutionOrder order, FillApplied f)
    {
        if (string.IsNullOrEmpty(f.TradeId) || f.Count.Hundredths <= 0 || !f.Price.IsValid || f.Fee.IsNegative)
            return Fail(order, TransitionError.InvalidFill);
        if (order.Fills.ContainsTradeId(f.TradeId)) return Fail(order, TransitionError.DuplicateTradeId);

        var filled = order.FilledCount + f.Count;
        ExecutionOrderState next;
        switch (order.State)
        {
            case S.Submitting or S.Resting or S.PartiallyFilled:
                next = filled == order.Count ? S.Filled : S.PartiallyFilled;
                break;
            case S.CancelRequested or S.NeedsAttention:
                next = filled == order.Count ? S.Filled : order.State;
                break;
            case S.Filled:
                return Fail(order, TransitionError.Overfill);
            case S.Canceled or S.Expired:
                if (order.VenueFinalFilledCount is not { } venueFilled || filled > venueFilled)
                    return Fail(order, TransitionError.FillAfterTerminal);
                next = order.State;
                break;
            case S.Created or S.RiskApproved:
                return Fail(order, TransitionError.DisallowedTransition);
            default:
                return Fail(order, TransitionError.FillAfterTerminal);
        }
        if (filled > order.Count) return Fail(order, TransitionError.Overfill);
        // A buyer at limit L never pays more than L.
        if (f.Price > order.LimitPrice) return Fail(order, TransitionError.FillBeyondLimit);

        return Ok(order with
        {
            State = next,
            FilledCount = filled,
            Fills = order.Fills.Add(new OrderFill(f.TradeId, f.Count, f.Price, f.Fee, f.IsTaker)),
            Fees = order.Fees + f.Fee,
            FilledNotionalMicros = checked(order.FilledNotionalMicros + (long)f.Price.Ticks * f.Count.Hundredths),
        });
    }

    private static TransitionResult ApplyAck(ExecutionOrder order, Acknowledged a)
    {
        if (string.IsNullOrEmpty(a.ExchangeOrderId)) return Fail(order, TransitionError.DisallowedTransition);
        if (order.ExchangeOrderId is not null)
        {
            return Fail(order, order.ExchangeOrderId == a.ExchangeOrderId
                ? TransitionError.DuplicateAcknowledgement
                : TransitionError.ConflictingExchangeOrderId);
        }
        return order.State switch
        {
            S.Submitting => Ok(order with { State = S.Resting, ExchangeOrderId = a.ExchangeOrderId }),
            // The ack lost the race with a fill or a cancel: record the id, keep the state.
            S.PartiallyFilled or S.Filled or S.CancelRequested or S.Canceled or S.Expired or S.NeedsAttention
                => Ok(order with { ExchangeOrderId = a.ExchangeOrderId }),
            _ => Fail(order, TransitionError.DisallowedTransition),
        };
    }

    private static TransitionResult ApplyVenueEnd(ExecutionOrder order, Quantity? venueFilled, ExecutionOrderState end)
    {
        var allowed = order.State is S.RiskApproved or S.Submitting or S.Resting or S.PartiallyFilled
            or S.CancelRequested or S.NeedsAttention
            || (end == S.Expired && order.State == S.Created);
        if (!allowed) return Fail(order, TransitionError.DisallowedTransition);
        if (venueFilled is { } v)
        {
            if (v < order.FilledCount || v.IsNegative) return Fail(order, TransitionError.VenueFillCountBelowApplied);
            if (v > order.Count) return Fail(order, TransitionError.Overfill);
        }
        return Ok(order with { State = end, VenueFinalFilledCount = venueFilled });
    }

    private static TransitionResult ApplyExpiry(ExecutionOrder order, Expired x)
    {
        var r = ApplyVenueEnd(order, x.VenueFilledCount, S.Expired);
        return r.IsApplied ? Ok(r.Order! with { ExpiryReason = x.Reason }) : r;
    }

    private static TransitionResult ApplyReject(ExecutionOrder order, Rejected r)
    {
        if (order.State is not (S.Created or S.RiskApproved or S.Submitting or S.CancelRequested or S.NeedsAttention))
            return Fail(order, TransitionError.DisallowedTransition);
        if (order.FilledCount.IsPositive) return Fail(order, TransitionError.RejectAfterFill);
        return Ok(order with { State = S.Rejected, RejectReason = r.Reason });
    }

    private static TransitionResult ApplySettlement(ExecutionOrder order, Settled s)
    {
        if (order.State is not (S.Filled or S.Canceled or S.Expired or S.NeedsAttention))
            return Fail(order, TransitionError.DisallowedTransition);
        if (!order.FilledCount.IsPositive) return Fail(order, TransitionError.NothingToSettle);

        // $1 a contract: hundredths × $0.01.
        var full = new Money(checked(order.FilledCount.Hundredths * Money.UnitsPerCent));
        var consistent = s.Winner switch
        {
            null => s.Payout >= Money.Zero && s.Payout <= full,
            var w when w == order.Side => s.Payout == full,
            _ => s.Payout == Money.Zero,
        };
        if (!consistent) return Fail(order, TransitionError.SettlementPayoutMismatch);

        return Ok(order with
        {
            State = S.Settled,
            SettlementWinner = s.Winner,
            Payout = s.Payout,
            RealizedPnl = s.Payout - order.FilledCost - order.ChargedFees,
        });
    }

    private static TransitionResult Move(ExecutionOrder order, ExecutionOrderState from, ExecutionOrder next) =>
        order.State == from ? Ok(next) : Fail(order, TransitionError.DisallowedTransition);

    private static TransitionResult Ok(ExecutionOrder order) => new(order, TransitionError.None);

    private static TransitionResult Fail(ExecutionOrder? order, TransitionError error) => new(order, error);
}
