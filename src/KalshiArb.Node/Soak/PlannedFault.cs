namespace KalshiArb.Node.Soak;

/// <summary>
/// One fault of the schedule: when (after the soak started), what, how long it is held (storms, delays, journal lock),
/// and its size: the REST delay in ms, the share of failed calls in percent, or the delay after a signal before kill -9
/// in ms. <see cref="Target"/> is the index of the node a kill or SIGTERM hits.
/// </summary>
public sealed record PlannedFault(TimeSpan At, SoakFaultKind Kind, TimeSpan Hold, int Magnitude, int Target = 0)
{
    private string On => Kind.StopsNode() ? $" of node-{Target + 1}" : "";

    public override string ToString() => Kind switch
    {
        SoakFaultKind.KillAfterSignal => $"{At.TotalSeconds:F1}s {Kind.Name()}{On} {Magnitude} ms after a signal",
        SoakFaultKind.RestDelay => $"{At.TotalSeconds:F1}s {Kind.Name()} {Magnitude} ms for {Hold.TotalSeconds:F1}s",
        SoakFaultKind.ServerErrorStorm or SoakFaultKind.RateLimitStorm => $"{At.TotalSeconds:F1}s {Kind.Name()} {Magnitude}% for {Hold.TotalSeconds:F1}s",
        SoakFaultKind.JournalLock => $"{At.TotalSeconds:F1}s {Kind.Name()} for {Hold.TotalSeconds:F1}s",
        _ => $"{At.TotalSeconds:F1}s {Kind.Name()}{On}",
    };
}
