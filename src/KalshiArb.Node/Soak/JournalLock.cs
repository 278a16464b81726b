namespace KalshiArb.Node.Soak;

/// <summary>
/// The "journal refuses writes" fault, from outside the nodes: another connection takes the store's write lock on the
/// journal and holds it, so the nodes' commits cannot land until it lets go. No hook in the node.
/// </summary>
public abstract class JournalLock
{
    public abstract Task HoldAsync(TimeSpan hold, CancellationToken ct);
}
