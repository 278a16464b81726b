using KalshiArb.Node.Soak;

namespace KalshiArb.Node.Tests.Soak;

public sealed class NodeHealthSpec
{
    private static AdminStatusDocument Status(bool feedConnected = true, AdminRiskOutage? outage = null, AdminClusterStatus? cluster = null) =>
        new(new AdminFeedStatus(feedConnected, 100, 20, 0, 1, 0, null),
            new AdminOddsStatus(20, 0, 20, null),
            new AdminOrdersStatus(0, [], []),
            new AdminRiskStatus(default(KillSwitchState), "1000.0000", "1000.0000", "0.0000", "0.0000", 0, "0.0000", 0, null, [], 0,
                new Dictionary<string, int>(), null) { Outage = outage })
        {
            Cluster = cluster,
        };

    private static ClusterMemberView Member(int port, string status = "Up", bool reachable = true) =>
        new($"akka.tcp://kalshiarb@127.0.0.1:{port}", ["market"], status, reachable);

    [Fact]
    public void A_connected_node_without_an_outage_is_healthy()
    {
        Assert.True(NodeHealth.IsHealthy(Status()));
        Assert.False(NodeHealth.IsHealthy(null));
        Assert.False(NodeHealth.IsHealthy(Status(feedConnected: false)));
        var outage = new AdminRiskOutage("journal write failed", DateTimeOffset.UnixEpoch, null, 1, "journal write failed at 00:00:00");
        Assert.False(NodeHealth.IsHealthy(Status(outage: outage)));
        // A gate that stopped answering keeps its last (healthy-looking) figures, but is named as silent.
        Assert.False(NodeHealth.IsHealthy(Status() with { NotAnswering = [new AdminSilence("risk gate", DateTimeOffset.UnixEpoch, "risk gate NOT ANSWERING")] }));
    }

    [Fact]
    public void A_cluster_is_healthy_only_with_every_member_up_and_reachable_and_every_desk_answering()
    {
        AdminClusterStatus Cluster(IReadOnlyList<ClusterMemberView> members, IReadOnlyList<string>? unanswered = null) =>
            new(members[0].Address, members[0].Address, members, unanswered ?? []);

        Assert.True(NodeHealth.IsHealthy(Status(cluster: Cluster([Member(1), Member(2), Member(3)])), 3));
        Assert.False(NodeHealth.IsHealthy(Status(cluster: Cluster([Member(1), Member(2)])), 3));
        Assert.False(NodeHealth.IsHealthy(Status(cluster: Cluster([Member(1), Member(2), Member(3, reachable: false)])), 3));
        Assert.False(NodeHealth.IsHealthy(Status(cluster: Cluster([Member(1), Member(2), Member(3, "Joining")])), 3));
        Assert.False(NodeHealth.IsHealthy(Status(cluster: Cluster([Member(1), Member(2), Member(3), Member(4, "Down")])), 3));
        Assert.False(NodeHealth.IsHealthy(Status(cluster: Cluster([Member(1), Member(2), Member(3)], ["node-3"])), 3));
    }
}
