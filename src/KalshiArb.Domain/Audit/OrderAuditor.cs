using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Audit;

/// <summary>
/// Re-checks an order's journal independently of the state machine that wrote it: an audit must not trust
/// the code it audits. Rules: no submit without approval; submitted at most once; fills only after the
/// submit, never above the limit, never beyond the count, never twice per trade id, never after a final
/// state, fees equal to the fee rule for each fill; no submit or re-send after the signal's horizon
/// (OrderCreated.SubmitByMs, when the journal has one); a re-send only after a submit and before the venue
/// acknowledged the order; no "never reached the venue" expiry for an order the venue had; and (optionally)
/// the order ended terminal or flagged.
/// </summary>
public static class OrderAuditor
{
    public static OrderAuditReport Audit(string executionId, IReadOnlyList<AuditedEvent> timeline, FeeSchedule fees, bool requireTerminal)
    {
        var violations = new List<AuditViolation>();
        OrderCreated? created = null;
        bool approved = false, denied = false, submitted = false, final = false, terminalSeen = false, venueHadIt = false;
        Quantity filled = Quantity.Zero;
        Quantity? venueFinalFilled = null;
        var tradeIds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var entry in timeline)
        {
            var seq = entry.SequenceNr;
            void Flag(AuditViolationKind kind, string detail) => violations.Add(new AuditViolation(kind, seq, detail));

            if (created is null && entry.Event is not OrderCreated)
            {
                Flag(AuditViolationKind.MissingCreation, $"{entry.Event.GetType().Name} before OrderCreated");
            }
            if (final && entry.Event is not MarkedNeedsAttention)
            {
                Flag(AuditViolationKind.EventAfterFinal, $"{entry.Event.GetType().Name} after a final state");
            }

            switch (entry.Event)
            {
                case OrderCreated c:
                    if (created is not null) Flag(AuditViolationKind.DuplicateCreation, "second OrderCreated");
                    else created = c;
                    break;
                case RiskApproved:
                    approved = true;
                    break;
                case RiskDenied d:
                    denied = true;
                    final = true;
                    break;
                case SubmitRequested:
                    if (!approved) Flag(AuditViolationKind.SubmitWithoutApproval, "SubmitRequested with no RiskApproved before it");
                    if (denied) Flag(AuditViolationKind.SubmitAfterDenial, "SubmitRequested after RiskDenied");
                    if (submitted) Flag(AuditViolationKind.SubmittedTwice, "a second SubmitRequested");
                    CheckHorizon(entry, created, Flag);
                    submitted = true;
                    break;
                case SubmitRetried:
                    if (!submitted) Flag(AuditViolationKind.RetryWithoutSubmit, "SubmitRetried with no SubmitRequested before it");
                    if (venueHadIt) Flag(AuditViolationKind.RetryAfterAcknowledged, "SubmitRetried after the venue acknowledged or filled the order");
                    CheckHorizon(entry, created, Flag);
                    break;
                case Acknowledged a:
                    if (!submitted) Flag(AuditViolationKind.AcknowledgedWithoutSubmit, $"exchange order {a.ExchangeOrderId} acknowledged before any submit");
                    venueHadIt = true;
                    break;
                case FillApplied f:
                    CheckFill(f, created, fees, submitted, terminalSeen, venueFinalFilled, filled, tradeIds, Flag);
                    if (tradeIds.Add(f.TradeId)) filled += f.Count;
                    venueHadIt = true;
                    break;
                case Canceled c:
                    terminalSeen = true;
                    venueFinalFilled = c.VenueFilledCount;
                    break;
                case Expired e:
                    if (venueHadIt && e.Reason is not (OrderExpiryReason.VenueExpired or OrderExpiryReason.Unknown))
                        Flag(AuditViolationKind.HorizonExpiryAtVenue, $"Expired ({e.Reason}) although the venue acknowledged or filled the order");
                    terminalSeen = true;
                    venueFinalFilled = e.VenueFilledCount;
                    break;
                case Rejected:
                    terminalSeen = true;
                    final = true;
                    break;
                case Settled:
                    terminalSeen = true;
                    final = true;
                    break;
                case CancelRequested:
                case MarkedNeedsAttention:
                    break;
            }
        }

        var rebuilt = ExecutionOrderMachine.Replay(timeline.Select(t => t.Event), out var refused);
        if (requireTerminal && rebuilt is not null && !rebuilt.IsTerminal && rebuilt.State != ExecutionOrderState.NeedsAttention)
        {
            violations.Add(new AuditViolation(AuditViolationKind.NotTerminal, timeline.Count == 0 ? 0 : timeline[^1].SequenceNr,
                $"order ended in {rebuilt.State}, neither terminal nor flagged for attention"));
        }
        return new OrderAuditReport(executionId, timeline, rebuilt, refused, violations);
    }

    /// <summary>The event's own time against the horizon; journals written before horizons have none and pass.</summary>
    private static void CheckHorizon(AuditedEvent entry, OrderCreated? created, Action<AuditViolationKind, string> flag)
    {
        if (created?.SubmitByMs is { } submitBy && entry.TimestampMs > submitBy)
            flag(AuditViolationKind.SubmitAfterHorizon,
                $"{entry.Event.GetType().Name} at {entry.TimestampMs} is {entry.TimestampMs - submitBy} ms after submit-by {submitBy}");
    }

    private static void CheckFill(
        FillApplied f, OrderCreated? created, FeeSchedule fees, bool submitted, bool terminalSeen,
        Quantity? venueFinalFilled, Quantity filledBefore, HashSet<string> tradeIds,
        Action<AuditViolationKind, string> flag)
    {
        if (tradeIds.Contains(f.TradeId))
        {
            flag(AuditViolationKind.DuplicateTradeId, $"trade {f.TradeId} journaled twice");
            return;
        }
        if (!submitted) flag(AuditViolationKind.FillWithoutSubmit, $"trade {f.TradeId} before any submit");
        if (created is not null)
        {
            if (f.Price > created.LimitPrice)
                flag(AuditViolationKind.FillAboveLimit, $"trade {f.TradeId} at {f.Price} above limit {created.LimitPrice}");
            if (filledBefore + f.Count > created.Count)
                flag(AuditViolationKind.Overfill, $"trade {f.TradeId} takes filled to {filledBefore + f.Count} of {created.Count}");
        }
        if (terminalSeen && (venueFinalFilled is null || filledBefore + f.Count > venueFinalFilled.Value))
            flag(AuditViolationKind.FillAfterTerminal, $"trade {f.TradeId} after the order ended" +
                (venueFinalFilled is { } v ? $" (venue reported {v} filled)" : ""));
        var expected = fees.FillFee(f.IsTaker ? FeeRole.Taker : FeeRole.Maker, f.Count, f.Price);
        if (f.Fee != expected)
            flag(AuditViolationKind.FeeMismatch, $"trade {f.TradeId} fee {f.Fee} but the {(f.IsTaker ? "taker" : "maker")} rule ({fees}) gives {expected}");
    }
}
