using Akka.Configuration;
using KalshiArb.Actors;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Serialization;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// One place that decides configuration precedence, highest first: the user's --config overlay, the
/// deployment settings (address, seeds, connection strings), serialization bindings, then the shipped hocon/
/// files (cluster.conf with the overlay of each of the node's roles, then base.conf).
/// </summary>
public static class AkkaConfigComposer
{
    public static Config Compose(NodeSettings settings)
    {
        var config = SerializationConfig.Create()
            .WithFallback(Deployment(settings))
            .WithFallback(PersistenceConfig.Create(settings.Store, settings.EffectiveConnectionString))
            .WithFallback(ClusterConfig.WithRoles(settings.Roles))
            .WithFallback(HoconFiles.Load("base.conf"))
            .WithFallback(KalshiArb.Actors.Cluster.ClusterDefaults.Create());
        if (settings.ConfigOverlayPath is { } overlay)
        {
            if (!File.Exists(overlay)) throw new FileNotFoundException($"config overlay not found: {overlay}");
            var text = File.ReadAllText(overlay);
            if (HoconNesting.FindUnbalanced(text) is { } problem)
                throw new ConfigurationException($"config overlay {overlay}, {problem}: refusing to start (every setting after the cut would silently keep its default)");
            config = ConfigurationFactory.ParseString(text).WithFallback(config);
        }
        return config;
    }

    private static Config Deployment(NodeSettings s)
    {
        var seeds = string.Join(", ", s.SeedNodes.Select(Quote));
        return ConfigurationFactory.ParseString(
            $"akka.remote.dot-netty.tcp.hostname = {Quote(s.Hostname)}\n" +
            $"akka.remote.dot-netty.tcp.port = {s.Port}\n" +
            $"akka.cluster.seed-nodes = [{seeds}]\n" +
            $"akka.cluster.roles = [{string.Join(", ", s.Roles.Select(Quote))}]\n");
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
