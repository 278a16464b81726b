namespace KalshiArb.Domain.Orders;

/// <summary>How an order ended, as one word a person can count: "Filled", "Expired(HorizonPassedBeforeSubmit)", "RiskDenied(OrdersPerMinute)".</summary>
public static class OrderOutcome
{
    public static string Of(ExecutionOrder order) => order.State switch
    {
        ExecutionOrderState.Expired => $"Expired({order.ExpiryReason ?? OrderExpiryReason.Unknown})",
        ExecutionOrderState.Rejected => $"Rejected({order.RejectReason ?? OrderRejectReason.Unknown})",
        ExecutionOrderState.RiskDenied => $"RiskDenied({order.DenialReason})",
        var s => s.ToString(),
    };
}
