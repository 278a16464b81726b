namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>The timers an order keeps; each fires the matching <see cref="TimerFired"/> input.</summary>
public enum OrderTimer
{
    /// <summary>The signal's horizon: an order not yet at the venue expires.</summary>
    Horizon,
    /// <summary>A working order has rested for CancelAfter.</summary>
    CancelAfter,
    /// <summary>Look at the venue again while waiting for a final status.</summary>
    Poll,
    /// <summary>Try a failed (or deferred) reconciliation again.</summary>
    Reconcile,
}
