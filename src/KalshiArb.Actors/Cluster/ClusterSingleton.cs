using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;

namespace KalshiArb.Actors.Cluster;

/// <summary>
/// One actor per cluster among the nodes of a role (on the oldest of them), reached from every node through a
/// proxy that buffers while the singleton moves. Nodes without the role get only the proxy.
/// </summary>
public static class ClusterSingleton
{
    public const string SingletonName = "singleton";

    /// <summary>Starts the manager (when this node has <paramref name="role"/>) and returns a proxy.</summary>
    public static IActorRef Start(ActorSystem system, string name, Props props, string role)
    {
        if (Akka.Cluster.Cluster.Get(system).SelfRoles.Contains(role))
        {
            system.ActorOf(ClusterSingletonManager.Props(props, PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system).WithRole(role).WithSingletonName(SingletonName)), name);
        }
        return Proxy(system, name, role);
    }

    public static IActorRef Proxy(ActorSystem system, string name, string role) =>
        system.ActorOf(ClusterSingletonProxy.Props($"/user/{name}",
            ClusterSingletonProxySettings.Create(system).WithRole(role).WithSingletonName(SingletonName)), name + "-proxy");
}
