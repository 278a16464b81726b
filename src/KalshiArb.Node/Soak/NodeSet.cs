using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Soak;

/// <summary>The soak's nodes (one, or three in a cluster) and how healthy they are together.</summary>
public sealed class NodeSet(IReadOnlyList<NodeProcess> nodes) : IDisposable
{
    public IReadOnlyList<NodeProcess> Nodes => nodes;

    public int Count => nodes.Count;

    public NodeProcess this[int index] => nodes[index];

    public void StartAll()
    {
        foreach (var n in nodes) n.Start();
    }

    /// <summary>Every node's status (null for one that does not answer), in node order.</summary>
    public async Task<IReadOnlyList<AdminStatusDocument?>> StatusesAsync(CancellationToken ct) =>
        await Task.WhenAll(nodes.Select(n => n.IsRunning ? n.StatusAsync(ct) : Task.FromResult<AdminStatusDocument?>(null)));

    /// <summary>Every node answers and is healthy (in a cluster: with all members up).</summary>
    public static bool AllHealthy(IReadOnlyList<AdminStatusDocument?> statuses) =>
        statuses.All(s => NodeHealth.IsHealthy(s, statuses.Count));

    /// <summary>The first answer: its feed, signal and gap counters are the cluster's.</summary>
    public static AdminStatusDocument? First(IReadOnlyList<AdminStatusDocument?> statuses) => statuses.FirstOrDefault(s => s is not null);

    /// <summary>Stops every node gracefully, last first (the first is the seed); true when all stopped by themselves.</summary>
    public async Task<bool> StopAllAsync(TimeSpan bound, CancellationToken ct)
    {
        var clean = true;
        foreach (var n in nodes.Reverse()) clean &= await n.StopAsync(bound, ct);
        return clean;
    }

    public void Dispose()
    {
        foreach (var n in nodes) n.Dispose();
    }
}
