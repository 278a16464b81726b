namespace KalshiArb.Adapters.Recording.Common;

/// <summary>
/// The time every actor reads during a replay: the replayed receive time (event time), moved forward only by the
/// replay loop between two settled steps (so every actor reads the same value for the same record, at any speed).
/// Never goes back. Timers (<see cref="TimeProvider.CreateTimer"/>) still run on real time.
/// </summary>
public sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void AdvanceTo(long utcTicks)
    {
        if (utcTicks > Interlocked.Read(ref _ticks)) Interlocked.Exchange(ref _ticks, utcTicks);
    }
}
