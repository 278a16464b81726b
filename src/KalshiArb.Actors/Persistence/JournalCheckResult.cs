namespace KalshiArb.Actors.Persistence;

/// <summary>Answer of the journal self check.</summary>
public sealed record JournalCheckResult(bool Healthy, long SequenceNr, string Reason)
{
    public static JournalCheckResult Ok(long seq) => new(true, seq, "ok");
    public static JournalCheckResult Failed(string reason) => new(false, 0, reason);
}
