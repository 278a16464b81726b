namespace KalshiArb.Adapters.Recording.Data;

public sealed record ReplayOptions
{
    /// <summary>Replayed time moves in steps this long: within a step every actor reads the step's start (bounded settle cost per step).</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>false: as fast as the actors go (--speed max); true: at the recorded pace (--speed 1).</summary>
    public bool RealTime { get; init; }

    /// <summary>Events buffered per consumer (the market feed, the paper venue's feed) before the replay waits.</summary>
    public int BufferPerConsumer { get; init; } = 4_096;
}
