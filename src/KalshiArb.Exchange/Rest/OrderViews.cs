using KalshiArb.Exchange.Accounts;

namespace KalshiArb.Exchange.Rest;

/// <summary>Order records as GET answers them, including Kalshi's cancel-visibility lag.</summary>
internal static class OrderViews
{
    public static OrderDto Visible(OrderView view, long nowMs, TimeSpan lag)
    {
        // Kalshi has been seen answering "resting" for a moment after acknowledging a cancel.
        if (view.CancelAckMs is { } ack && view.BeforeCancel is { } before && nowMs < ack + (long)lag.TotalMilliseconds)
            return OrderWire.ToDto(view.Ticker, before);
        return OrderWire.ToDto(view.Ticker, view.Snapshot);
    }
}
