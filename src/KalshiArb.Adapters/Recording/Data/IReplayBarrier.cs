namespace KalshiArb.Adapters.Recording.Data;

/// <summary>
/// What the replay loop waits for between steps, so the result does not depend on thread timing: the host answers once
/// the actors have handled everything handed to them so far.
/// </summary>
public interface IReplayBarrier
{
    /// <summary>
    /// Returns when the market feed has handled <paramref name="events"/> events and these markets' actors everything sent
    /// before, and every market's evaluation due by <paramref name="dueByMs"/> (Unix ms: no record before it is left) has run.
    /// </summary>
    Task SettleAsync(long events, IReadOnlyCollection<string> markets, long dueByMs, CancellationToken ct);

    /// <summary>
    /// Has the odds poller poll this sport now (the recorded odds source answers, received at <paramref name="receivedAtMs"/>)
    /// and returns when the poll was applied.
    /// </summary>
    Task PollOddsAsync(string sportKey, long receivedAtMs, CancellationToken ct);
}
