using Akka.Actor;
using Akka.Configuration;
using KalshiArb.Actors.Cluster;

namespace KalshiArb.Actors.Tests;

/// <summary>
/// A test ActorSystem as a one-member cluster, as every node runs (the embedded default forms one): the sharding
/// stores of hocon/cluster.conf, loopback on a free port, the given roles.
/// </summary>
public static class OneMemberCluster
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
                entity-restart-backoff = 300ms
              }
              singleton-proxy.singleton-identification-interval = 200ms
            }
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            """).WithFallback(ClusterDefaults.Create());

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
