using KalshiArb.Actors.Execution;

namespace KalshiArb.Node.Audit;

/// <summary>When an order journal event says it happened (every event carries its own AtMs).</summary>
public static class OrderJournalEventTime
{
    public static long AtMs(OrderJournalEvent e) => e switch
    {
        OrderCreatedEvent x => x.AtMs,
        OrderRiskApprovedEvent x => x.AtMs,
        OrderRiskDeniedEvent x => x.AtMs,
        OrderSubmitRequestedEvent x => x.AtMs,
        OrderSubmitRetriedEvent x => x.AtMs,
        OrderAcknowledgedEvent x => x.AtMs,
        OrderFillAppliedEvent x => x.AtMs,
        OrderCancelRequestedEvent x => x.AtMs,
        OrderCanceledEvent x => x.AtMs,
        OrderRejectedEvent x => x.AtMs,
        OrderExpiredEvent x => x.AtMs,
        OrderSettledEvent x => x.AtMs,
        OrderNeedsAttentionEvent x => x.AtMs,
        _ => 0,
    };
}
