namespace KalshiArb.Domain.Detection;

/// <summary>
/// When one market evaluates, and the "now" it evaluates with, as a function of its own event times only (each change's
/// receive time), so a live run and a replay of its recording evaluate the same book states at the same times whatever
/// the threads and timers do. The first change after a quiet <see cref="IntervalMs"/> evaluates at once, at its own time
/// (tick-to-signal latency); a change inside the interval makes one evaluation pending, due at last + interval. The
/// pending evaluation runs, with now = its due time and on the state before any later change, when the first change
/// stamped at or after the due time arrives (<see cref="TakeDue"/> before applying it) or when the caller knows that time
/// has passed (a timer in live, the replay's barrier). Times never go back: an older stamp counts as the latest seen.
/// Not thread-safe: owned by one actor.
/// </summary>
public sealed class EvaluationGate(long intervalMs)
{
    public long IntervalMs { get; } = Math.Max(0, intervalMs);

    /// <summary>Time of the last evaluation through the gate; null before the first.</summary>
    public long? LastEvaluationMs { get; private set; }

    /// <summary>Due time of the pending evaluation; null when none is pending.</summary>
    public long? PendingDueMs { get; private set; }

    /// <summary>The latest time the gate has seen (an event's, an evaluation's).</summary>
    public long? LatestMs { get; private set; }

    /// <summary>The time a change stamped <paramref name="eventMs"/> counts at: never before what was already seen.</summary>
    public long TimeOf(long eventMs) => LatestMs is { } latest && latest > eventMs ? latest : eventMs;

    /// <summary>
    /// Call before applying a change stamped <paramref name="atMs"/> (or when time is known to have reached it): returns the
    /// pending evaluation's due time when it is at or before <paramref name="atMs"/> — evaluate at that time, on the state
    /// before the change — and clears it; otherwise null.
    /// </summary>
    public long? TakeDue(long atMs)
    {
        if (PendingDueMs is not { } due || due > atMs) return null;
        PendingDueMs = null;
        LastEvaluationMs = due;
        See(due);
        return due;
    }

    /// <summary>
    /// Call after applying a change stamped <paramref name="eventMs"/> (after <see cref="TakeDue"/>): returns the time to
    /// evaluate at now, or null when the evaluation is pending (made pending here, or already).
    /// </summary>
    public long? OnChange(long eventMs)
    {
        var at = TimeOf(eventMs);
        See(at);
        if (PendingDueMs is not null) return null;
        if (LastEvaluationMs is not { } last || at - last >= IntervalMs)
        {
            LastEvaluationMs = at;
            return at;
        }
        PendingDueMs = last + IntervalMs;
        return null;
    }

    private void See(long atMs)
    {
        if (LatestMs is not { } latest || atMs > latest) LatestMs = atMs;
    }
}
