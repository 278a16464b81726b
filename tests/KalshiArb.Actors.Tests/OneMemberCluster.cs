using KalshiArb.Actors.Cluster;

namespace KalshiArb.Actors.Tests;

/// <summary>
/// A test ActorSystem as a one-member cluster, as every node runs (the embedded default forms one): the shipped
/// cluster configuration (<see cref="ClusterConfig.OneMember"/>) with quicker singleton look-ups and no process hooks.
/// </summary>
public static class OneMemberCluster
{
    public static Config Config(params string[] roles) =>
        ConfigurationFactory.ParseString("""
            akka.cluster.singleton-proxy.singleton-identification-interval = 200ms
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            akka.cluster.run-coordinated-shutdown-when-down = off
            """).WithFallback(ClusterConfig.OneMember(roles));

    /// <summary>A member with these roles that forms a cluster alone (for <see cref="ClusterHosting.WithClusterJoin"/>).</summary>
    public static ClusterMembership Member(params string[] roles) => new("127.0.0.1", 0, roles, []);

    /// <summary>Joins itself and waits until it is Up.</summary>
    public static async Task JoinAsync(ActorSystem system, TimeSpan within)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(within);
    }
}
