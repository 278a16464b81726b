namespace KalshiArb.Actors.Execution;

/// <summary>How an <see cref="OrderAdmission"/> runs.</summary>
public sealed record OrderAdmissionSettings
{
    /// <summary>The signal horizon (the same value the orders use): older signals are refused at the door.</summary>
    public TimeSpan MaxSignalAge { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Subscribe to the gate's kill switch again at this interval (a moved singleton forgets subscribers).</summary>
    public TimeSpan GateResubscribeInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Replay only: admitted signals wait here until <see cref="ReleaseHeldSignal"/> places them one at a time, in an
    /// order that does not depend on which market's actor ran first (<see cref="HeldSignals"/>). Live: false, placed at once.
    /// </summary>
    public bool HoldSignals { get; init; }
}
