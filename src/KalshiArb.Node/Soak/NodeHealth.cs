using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Soak;

/// <summary>Whether a node's admin status says it can trade: the feed is connected and the risk gate is not in an outage.</summary>
public static class NodeHealth
{
    public static bool IsHealthy(AdminStatusDocument? status) =>
        status is { Feed.Connected: true, Risk.Outage: null };

    /// <summary>Orders the node's admission placed so far (0 when no admission answered).</summary>
    public static long Placed(AdminStatusDocument? status) => status?.Signals?.Placed ?? 0;
}
