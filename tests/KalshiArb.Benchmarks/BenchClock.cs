namespace KalshiArb.Benchmarks;

/// <summary>
/// One fixed pairing of the two clocks: the harness stamps Stopwatch time (sends, venue calls); the journal stamps
/// wall-clock DateTime ticks (write time) and the orders Unix ms (their own AtMs). Converting through one pairing keeps
/// every difference consistent over a run (drift between the clocks over minutes is far below a millisecond).
/// </summary>
public static class BenchClock
{
    private static readonly long BaseUtcTicks = DateTime.UtcNow.Ticks;
    private static readonly long BaseStopwatch = Stopwatch.GetTimestamp();

    /// <summary>A Stopwatch timestamp as DateTime UTC ticks (100 ns).</summary>
    public static long ToUtcTicks(long stopwatch) =>
        BaseUtcTicks + (long)((stopwatch - BaseStopwatch) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    /// <summary>A Stopwatch timestamp as Unix milliseconds (the orders' AtMs clock).</summary>
    public static double ToUnixMs(long stopwatch) =>
        (ToUtcTicks(stopwatch) - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerMillisecond;

    /// <summary>A span of UTC ticks as Stopwatch ticks (what <see cref="LatencySummary"/> takes).</summary>
    public static long UtcTicksToStopwatch(long utcTicks) =>
        (long)(utcTicks * (double)Stopwatch.Frequency / TimeSpan.TicksPerSecond);
}
