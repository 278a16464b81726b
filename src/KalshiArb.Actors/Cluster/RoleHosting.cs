using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;

namespace KalshiArb.Actors.Cluster;

/// <summary>
/// Singletons and shard regions by role, through Akka.Cluster.Hosting: a member with the role hosts the singleton's
/// manager (the singleton runs on the oldest such member) or the region's entities; any other member gets only a
/// proxy. Either way the proxy or region is registered under <c>TKey</c>. The member's roles are known when the
/// manifest is written, so the choice is made there, not by the extensions at start.
/// </summary>
public static class RoleHosting
{
    public static AkkaConfigurationBuilder WithRoleSingleton<TKey>(this AkkaConfigurationBuilder akka, string managerName,
        Func<ActorSystem, IActorRegistry, Props> props, string role, IReadOnlyCollection<string> memberRoles)
    {
        var options = new ClusterSingletonOptions { Role = role, TerminationMessage = PoisonPill.Instance };
        // Akka.Cluster.Hosting names the singleton after its manager (/user/{name}/{name}) and the proxy /user/{name}-proxy.
        if (!memberRoles.Contains(role)) return akka.WithSingletonProxy<TKey>(managerName, options);
        return akka
            .WithSingleton<TKey>(managerName, (system, registry, _) => props(system, registry), options, createProxyToo: true)
            // The manager itself, found among the guardian's children (no path string), so this member can stop its own instance.
            .WithActors((system, registry) =>
                registry.Register<SingletonManager<TKey>>(((ActorRefWithCell)((ExtendedActorSystem)system).Guardian).GetSingleChild(managerName)));
    }

    /// <summary>
    /// Stops the singleton registered under <typeparamref name="TKey"/> if it runs on this member; elsewhere (or on a member
    /// without the role) nothing happens. Another member takes it over after this one leaves.
    /// </summary>
    public static void StopLocalSingleton<TKey>(ActorSystem system)
    {
        if (ActorRegistry.For(system).TryGet<SingletonManager<TKey>>(out var manager) && manager is ActorRefWithCell local)
            local.GetSingleChild(manager.Path.Name).Tell(PoisonPill.Instance);
    }

    /// <summary>Not remembered by sharding: see the regions' own notes (OrdersHosting, MarketsHosting).</summary>
    public static AkkaConfigurationBuilder WithRoleShardRegion<TKey>(this AkkaConfigurationBuilder akka, string typeName,
        Func<ActorSystem, IActorRegistry, Func<string, Props>> entityProps, IMessageExtractor extractor, string role,
        IReadOnlyCollection<string> memberRoles)
    {
        return memberRoles.Contains(role)
            ? akka.WithShardRegion<TKey>(typeName, entityProps, extractor, new ShardOptions { Role = role, RememberEntities = false })
            : akka.WithShardRegionProxy<TKey>(typeName, role, extractor);
    }
}
