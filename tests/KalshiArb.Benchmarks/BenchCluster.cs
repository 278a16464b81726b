using Akka.Actor;
using Akka.Configuration;
using KalshiArb.Actors.Cluster;

namespace KalshiArb.Benchmarks;

/// <summary>A harness's ActorSystem as a one-member cluster, as the embedded default node runs: hocon/cluster.conf's sharding stores.</summary>
public static class BenchCluster
{
    public static Config Config(params string[] roles) =>
        ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.cluster {
              roles = [{{string.Join(", ", roles)}}]
              min-nr-of-members = 1
              sharding {
                state-store-mode = ddata
                remember-entities-store = eventsourced
                passivation.default-idle-strategy.idle-entity.timeout = off
              }
            }
            """).WithFallback(ClusterDefaults.Create());

    public static async Task JoinAsync(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
