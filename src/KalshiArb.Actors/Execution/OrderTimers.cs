using Akka.Actor;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// The order actor's timers, on .NET's timer queue instead of Akka's scheduler. A timer canceled in Akka's hashed wheel
/// stays registered until its deadline, holding its message and the actor's ref (so the stopped actor's cell): an
/// order's 3 s gate and horizon timers kept ~8,000 stopped orders' cells alive at 2,600 orders a second, all of them
/// copied into gen2 by the collections in between (lifecycles harness, gcdump). A canceled .NET timer is unlinked at
/// once. Each tick carries its timer's generation, so a tick already queued when its timer was canceled or started
/// again is dropped, as Akka's timers drop theirs. Used from the actor's own thread only.
/// </summary>
public sealed class OrderTimers(IActorRef self) : IDisposable
{
    private readonly Dictionary<object, (ITimer Timer, long Generation)> _running = [];
    private long _generation;

    /// <summary>Starts (or starts again) the timer <paramref name="key"/>: <paramref name="message"/> comes back after <paramref name="after"/>.</summary>
    public void StartSingle(object key, object message, TimeSpan after)
    {
        Cancel(key);
        var tick = new OrderTimerTick(key, ++_generation, message);
        var timer = TimeProvider.System.CreateTimer(static state =>
        {
            var (receiver, t) = ((IActorRef, OrderTimerTick))state!;
            receiver.Tell(t, ActorRefs.NoSender);
        }, (self, tick), after, Timeout.InfiniteTimeSpan);
        _running[key] = (timer, tick.Generation);
    }

    public void Cancel(object key)
    {
        if (_running.Remove(key, out var running)) running.Timer.Dispose();
    }

    /// <summary>The tick's message when its timer is still the one running (it ends there), else null: it was canceled or restarted.</summary>
    public object? Fired(OrderTimerTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        if (!_running.TryGetValue(tick.Key, out var running) || running.Generation != tick.Generation) return null;
        _running.Remove(tick.Key);
        running.Timer.Dispose();
        return tick.Message;
    }

    public int Running => _running.Count;

    public void Dispose()
    {
        foreach (var (timer, _) in _running.Values) timer.Dispose();
        _running.Clear();
    }
}
