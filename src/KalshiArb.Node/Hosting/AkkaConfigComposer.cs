using Akka.Configuration;
using KalshiArb.Actors;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Serialization;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// One place that decides configuration precedence, highest first: the user's --config overlay, the
/// deployment settings (connection strings), serialization bindings, then the shipped hocon/ files.
/// </summary>
public static class AkkaConfigComposer
{
    public static Config Compose(NodeSettings settings)
    {
        var config = SerializationConfig.Create()
            .WithFallback(PersistenceConfig.Create(settings.Store, settings.EffectiveConnectionString))
            .WithFallback(HoconFiles.Load("base.conf"));
        if (settings.ConfigOverlayPath is { } overlay)
        {
            if (!File.Exists(overlay)) throw new FileNotFoundException($"config overlay not found: {overlay}");
            config = ConfigurationFactory.ParseString(File.ReadAllText(overlay)).WithFallback(config);
        }
        return config;
    }
}
