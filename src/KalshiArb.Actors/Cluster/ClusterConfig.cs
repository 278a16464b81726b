using Akka.Configuration;

namespace KalshiArb.Actors.Cluster;

/// <summary>The shipped cluster configuration for a node with these roles: hocon/cluster.conf under one overlay per role.</summary>
public static class ClusterConfig
{
    public static Config WithRoles(IReadOnlyList<string> roles)
    {
        var config = HoconFiles.Load("cluster.conf");
        foreach (var role in roles) config = HoconFiles.Load($"role-{role}.conf").WithFallback(config);
        return config;
    }

    /// <summary>
    /// A member that forms a cluster by itself (as the embedded default does) on a free loopback port: the shipped
    /// cluster configuration with the roles set, and the reference configuration of sharding and singletons.
    /// </summary>
    public static Config OneMember(params string[] roles) =>
        ConfigurationFactory.ParseString($$"""
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.cluster.roles = [{{string.Join(", ", roles)}}]
            """)
            .WithFallback(WithRoles(roles))
            .WithFallback(ClusterDefaults.Create());
}
