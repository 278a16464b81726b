using KalshiArb.Actors.Serialization;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>Manifests of the execution side's persisted events, snapshots and (future remote) messages.</summary>
public static class ExecutionMessages
{
    public static void Register(ManifestRegistry r)
    {
        r.Register<OrderCreatedEvent>("order-created.v1");
        r.Register<OrderRiskApprovedEvent>("order-risk-approved.v1");
        r.Register<OrderRiskDeniedEvent>("order-risk-denied.v1");
        r.Register<OrderSubmitRequestedEvent>("order-submit-requested.v1");
        r.Register<OrderSubmitRetriedEvent>("order-submit-retried.v1");
        r.Register<OrderAcknowledgedEvent>("order-acknowledged.v1");
        r.Register<OrderFillAppliedEvent>("order-fill-applied.v1");
        r.Register<OrderCancelRequestedEvent>("order-cancel-requested.v1");
        r.Register<OrderCanceledEvent>("order-canceled.v1");
        r.Register<OrderRejectedEvent>("order-rejected.v1");
        r.Register<OrderExpiredEvent>("order-expired.v1");
        r.Register<OrderSettledEvent>("order-settled.v1");
        r.Register<OrderNeedsAttentionEvent>("order-needs-attention.v1");
        r.Register<OrderSnapshot>("order-snapshot.v1");

        r.Register<PlaceOrder>("order-place.v1");
        r.Register<OrderPlaced>("order-placed.v1");
        r.Register<OrderNotPlaced>("order-not-placed.v1");
        r.Register<CancelOrder>("order-cancel.v1");
        r.Register<SettleOrder>("order-settle.v1");
        r.Register<GetOrderState>("order-get-state.v1");
        r.Register<WakeOrder>("order-wake.v1");
        r.Register<OrderStateView>("order-state.v1");
        r.Register<OrderStatusNotice>("order-status-notice.v1");
        r.Register<MarketSettled>("market-settled.v1");
        r.Register<FeedReconnected>("feed-reconnected.v1");
        r.Register<GetPnlBook>("pnl-get-book.v1");
        r.Register<PnlBook>("pnl-book.v1");
        r.Register<SeedPnl>("pnl-seed.v1");

        // Read-only: old data folders may still hold the retired open-order index.
        r.Register<OrderIndexed>("order-index-added.v1");
        r.Register<OrderUnindexed>("order-index-removed.v1");
        r.Register<OrderIndexSnapshot>("order-index-snapshot.v1");

        r.Register<GetExecutionStatus>("execution-get-status.v1");
        r.Register<ExecutionStatus>("execution-status.v1");
        r.Register<DrainOrders>("execution-drain.v1");
        r.Register<OrdersDrained>("execution-drained.v1");
        r.Register<GetOpenOrderWatchStatus>("open-order-watch-get.v1");
        r.Register<OpenOrderWatchStatus>("open-order-watch-status.v1");
        r.Register<GetAdmissionStatus>("order-admission-get.v1");
        r.Register<AdmissionStatus>("order-admission-status.v1");
        r.Register<GetRecentSignals>("order-admission-recent-get.v1");
        r.Register<RecentSignals>("order-admission-recent.v1");
        r.Register<GetRecentFills>("execution-recent-fills-get.v1");
        r.Register<RecentFills>("execution-recent-fills.v1");

        // Venue reports are routed to the order region, whose entity may live on another node.
        r.Register<VenueFill>("venue-fill.v1");
        r.Register<VenueOrderUpdate>("venue-order-update.v1");
    }
}
