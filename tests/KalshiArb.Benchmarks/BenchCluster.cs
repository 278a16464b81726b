using Akka.Actor;

namespace KalshiArb.Benchmarks;

/// <summary>Joins a harness's one-member cluster (configured by ClusterConfig.OneMember, as the embedded default node runs).</summary>
public static class BenchCluster
{
    public static async Task JoinAsync(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
