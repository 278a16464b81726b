using System.Text;
using Akka.Configuration;

namespace KalshiArb.Actors.Serialization;

/// <summary>
/// HOCON that binds every catalogued type to <see cref="KalshiArbSerializer"/> and forbids Akka's silent
/// fallback to Newtonsoft for anything we forgot to catalogue.
/// </summary>
public static class SerializationConfig
{
    public static Config Create(ManifestRegistry? registry = null)
    {
        registry ??= MessageCatalog.Registry;
        var sb = new StringBuilder();
        sb.AppendLine("akka.actor {");
        sb.AppendLine("  serialization-settings.allow-unregistered-types = false");
        sb.AppendLine($"  serializers.{KalshiArbSerializer.Name} = \"{typeof(KalshiArbSerializer).AssemblyQualifiedName}\"");
        sb.AppendLine($"  serialization-identifiers.\"{typeof(KalshiArbSerializer).AssemblyQualifiedName}\" = {KalshiArbSerializer.SerializerId}");
        sb.AppendLine("  serialization-bindings {");
        foreach (var t in registry.Types.OrderBy(t => t.FullName, StringComparer.Ordinal))
            sb.AppendLine($"    \"{t.FullName}, {t.Assembly.GetName().Name}\" = {KalshiArbSerializer.Name}");
        sb.AppendLine("  }");
        sb.AppendLine("}");
        return ConfigurationFactory.ParseString(sb.ToString());
    }
}
