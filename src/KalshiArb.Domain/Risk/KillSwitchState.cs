namespace KalshiArb.Domain.Risk;

/// <summary>Kill switch. Only an explicit Resume returns to Trading.</summary>
public enum KillSwitchState
{
    Trading = 0,
    /// <summary>Only orders that shrink an existing position are approved.</summary>
    ReduceOnly,
    /// <summary>Nothing is approved; the gate's owner cancels every resting order.</summary>
    Halted,
}
