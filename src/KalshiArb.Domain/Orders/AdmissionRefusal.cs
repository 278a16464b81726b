namespace KalshiArb.Domain.Orders;

/// <summary>Why a signal did not become an order at admission (counted; no journal is written for it).</summary>
public enum AdmissionRefusal
{
    None = 0,
    /// <summary>This node's coordinated shutdown has begun: it drains, and takes no new orders.</summary>
    NodeShuttingDown,
    /// <summary>The kill switch is on (halted): every order would be denied.</summary>
    Halted,
    /// <summary>The signal is already past its horizon.</summary>
    SignalTooOld,
}
