using KalshiArb.Domain.Risk;

namespace KalshiArb.Domain.Orders;

/// <summary>The rule at the door: which signals may become orders at all. The risk gate still decides each order.</summary>
public static class SignalAdmission
{
    /// <param name="killSwitch">The last state the gate told; null before it has (the gate decides then).</param>
    public static AdmissionRefusal Check(long signalAtMs, long nowMs, TimeSpan maxSignalAge, KillSwitchState? killSwitch, bool shuttingDown)
    {
        if (shuttingDown) return AdmissionRefusal.NodeShuttingDown;
        if (killSwitch == KillSwitchState.Halted) return AdmissionRefusal.Halted;
        if (nowMs - signalAtMs > (long)maxSignalAge.TotalMilliseconds) return AdmissionRefusal.SignalTooOld;
        return AdmissionRefusal.None;
    }
}
