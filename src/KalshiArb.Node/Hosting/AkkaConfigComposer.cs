using Akka.Configuration;
using KalshiArb.Actors;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Serialization;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// The node's Akka configuration as one Config, for what reads the journal without a host (audit, soak, start-up checks);
/// the running node composes the same layers through its manifest (<see cref="TradingNodeManifest"/>). One place that decides configuration precedence, highest first: the user's --config overlay, the
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
        return settings.ConfigOverlayPath is { } overlay ? Overlay(overlay).WithFallback(config) : config;
    }

    /// <summary>The operator's --config file; one whose braces do not balance refuses the start.</summary>
    public static Config Overlay(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"config overlay not found: {path}");
        var text = File.ReadAllText(path);
        if (HoconNesting.FindUnbalanced(text) is { } problem)
            throw new ConfigurationException($"config overlay {path}, {problem}: refusing to start (every setting after the cut would silently keep its default)");
        return ConfigurationFactory.ParseString(text);
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
