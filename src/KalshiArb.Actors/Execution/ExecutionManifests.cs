using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// Manifests of the order journal (events and snapshot, plus the retired open-order index old data folders may hold)
/// and of the execution side's messages that cross nodes.
/// </summary>
public static class ExecutionManifests
{
    public static IReadOnlyList<(Type Type, string Manifest)> Journal { get; } =
    [
        (typeof(OrderCreatedEvent), "order-created.v1"),
        (typeof(OrderRiskApprovedEvent), "order-risk-approved.v1"),
        (typeof(OrderRiskDeniedEvent), "order-risk-denied.v1"),
        (typeof(OrderSubmitRequestedEvent), "order-submit-requested.v1"),
        (typeof(OrderSubmitRetriedEvent), "order-submit-retried.v1"),
        (typeof(OrderAcknowledgedEvent), "order-acknowledged.v1"),
        (typeof(OrderFillAppliedEvent), "order-fill-applied.v1"),
        (typeof(OrderCancelRequestedEvent), "order-cancel-requested.v1"),
        (typeof(OrderCanceledEvent), "order-canceled.v1"),
        (typeof(OrderRejectedEvent), "order-rejected.v1"),
        (typeof(OrderExpiredEvent), "order-expired.v1"),
        (typeof(OrderSettledEvent), "order-settled.v1"),
        (typeof(OrderNeedsAttentionEvent), "order-needs-attention.v1"),
        (typeof(ExecutionOrderSnapshot), "order-snapshot.v1"),

        // Read-only: old data folders may still hold the retired open-order index.
        (typeof(OrderIndexed), "order-index-added.v1"),
        (typeof(OrderUnindexed), "order-index-removed.v1"),
        (typeof(OrderIndexSnapshot), "order-index-snapshot.v1"),
    ];

    public static IReadOnlyList<(Type Type, string Manifest)> Wire { get; } =
    [
        (typeof(PlaceOrder), "order-place.v1"),
        (typeof(OrderPlaced), "order-placed.v1"),
        (typeof(OrderNotPlaced), "order-not-placed.v1"),
        (typeof(CancelOrder), "order-cancel.v1"),
        (typeof(SettleOrder), "order-settle.v1"),
        (typeof(GetOrderState), "order-get-state.v1"),
        (typeof(WakeOrder), "order-wake.v1"),
        (typeof(OrderStateView), "order-state.v1"),
        (typeof(OrderStatusNotice), "order-status-notice.v1"),
        (typeof(GetPnlBook), "pnl-get-book.v1"),
        (typeof(PnlBook), "pnl-book.v1"),
        (typeof(SeedPnl), "pnl-seed.v1"),
        (typeof(GetExecutionStatus), "execution-get-status.v1"),
        (typeof(ExecutionStatus), "execution-status.v1"),
        (typeof(DrainOrders), "execution-drain.v1"),
        (typeof(OrdersDrained), "execution-drained.v1"),
        (typeof(GetOpenOrderWatchStatus), "open-order-watch-get.v1"),
        (typeof(OpenOrderWatchStatus), "open-order-watch-status.v1"),
        (typeof(GetAdmissionStatus), "order-admission-get.v1"),
        (typeof(AdmissionStatus), "order-admission-status.v1"),
        (typeof(GetRecentSignals), "order-admission-recent-get.v1"),
        (typeof(ReleaseHeldSignal), "order-admission-release-held.v1"),
        (typeof(HeldSignalReleased), "order-admission-released-held.v1"),
        (typeof(RecentSignals), "order-admission-recent.v1"),
        (typeof(GetRecentFills), "execution-recent-fills-get.v1"),
        (typeof(RecentFills), "execution-recent-fills.v1"),

        // Venue reports are routed to the order region, whose entity may live on another node.
        (typeof(VenueFill), "venue-fill.v1"),
        (typeof(VenueOrderUpdate), "venue-order-update.v1"),
    ];
}
