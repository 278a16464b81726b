namespace KalshiArb.Actors.Persistence;

/// <summary>The journal self check failed at start: the node refuses to trade.</summary>
public sealed class JournalCheckFailedException(string reason) : Exception($"journal self check failed: {reason}")
{
    public string Reason { get; } = reason;
}
