namespace KalshiArb.Adapters.Tests.Common;

/// <summary>
/// A clock that moves only when the test moves it, with timers that fire (synchronously, in due order) when
/// <see cref="Advance"/> passes their due time: code that waits on its TimeProvider runs without real waiting.
/// </summary>
public sealed class ManualTimerClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public long NowMs => GetUtcNow().ToUnixTimeMilliseconds();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    /// <summary>Moves time on; with <paramref name="fireTimers"/> false, due timers stay unfired (a timer that is late).</summary>
    public void Advance(TimeSpan by, bool fireTimers = true)
    {
        lock (_gate) _now += by;
        if (!fireTimers) return;
        while (true)
        {
            ManualTimer? due;
            lock (_gate) due = _timers.Where(t => t.DueAt is { } at && at <= _now).MinBy(t => t.DueAt);
            if (due is null) return;
            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimerClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                _period = period;
            }
            return true;
        }

        public void Fire()
        {
            lock (clock._gate) DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;
            callback(state);
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                DueAt = null;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
