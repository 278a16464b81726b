using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Soak;

/// <summary>
/// Whether a node's admin status says it can trade: every component answers (a silent one keeps its last figures in the
/// status, marked in NotAnswering), the feed is connected, the risk gate is not in an outage, and in a cluster every
/// expected member is Up and reachable and every order desk answers.
/// </summary>
public static class NodeHealth
{
    public static bool IsHealthy(AdminStatusDocument? status, int expectedMembers = 1) =>
        status is { Feed.Connected: true, Risk.Outage: null, NotAnswering.Count: 0 }
        && (status.Cluster is not { } c
            || (c.Members.Count(m => m.Status == "Up" && m.Reachable) == expectedMembers && c.Members.Count == expectedMembers
                && c.UnansweredOrderDesks.Count == 0));

    /// <summary>Orders the node's admission placed so far (0 when no admission answered).</summary>
    public static long Placed(AdminStatusDocument? status) => status?.Signals?.Placed ?? 0;
}
