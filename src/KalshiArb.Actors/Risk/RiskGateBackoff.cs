namespace KalshiArb.Actors.Risk;

/// <summary>How <see cref="RiskGateSupervisor"/> restarts a stopped gate and how much it holds for it meanwhile.</summary>
public sealed record RiskGateBackoff
{
    public static readonly RiskGateBackoff Default = new();

    /// <summary>Wait before the first restart; doubles with every restart that fails again.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait, jitter included: a fixed journal is retried within this.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Up to this fraction is added at random so that restarts of several gates do not line up.</summary>
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>A gate up this long starts the next outage from <see cref="MinBackoff"/> again.</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reports and commands held while the gate is down; beyond this they are dropped, counted and logged.</summary>
    public int BufferCapacity { get; init; } = 10_000;

    /// <param name="restarts">restarts already made in this streak (0 for the first)</param>
    /// <param name="random">uniform in [0, 1)</param>
    public TimeSpan DelayFor(int restarts, double random)
    {
        var doubled = MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(restarts, 30));
        var jittered = Math.Min(doubled, MaxBackoff.TotalMilliseconds) * (1 + RandomFactor * random);
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxBackoff.TotalMilliseconds));
    }
}
