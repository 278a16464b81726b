namespace KalshiArb.Adapters.Recording.Data;

/// <summary>
/// What the replay loop waits for between steps, so the result does not depend on thread timing: the host answers once
/// the actors have handled everything handed to them so far.
/// </summary>
public interface IReplayBarrier
{
    /// <summary>Returns when the market feed has handled <paramref name="events"/> events and these markets' actors everything sent before.</summary>
    Task SettleAsync(long events, IReadOnlyCollection<string> markets, CancellationToken ct);

    /// <summary>Has the odds poller poll this sport now (the recorded odds source answers) and returns when the poll was applied.</summary>
    Task PollOddsAsync(string sportKey, CancellationToken ct);
}
