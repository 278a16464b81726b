using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace KalshiArb.Actors.Serialization;

/// <summary>
/// The one table of every persisted event, snapshot and remote message and its versioned manifest
/// ("order-created.v1"). An old manifest can be kept readable with an upcaster that rewrites its JSON
/// into the current shape, so a journal written by an earlier release still replays.
/// </summary>
public sealed class ManifestRegistry
{
    private readonly Dictionary<Type, string> _manifestByType = new();
    private readonly Dictionary<string, Type> _typeByManifest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Target, Func<JsonNode, JsonNode> Upcast)> _upcasts = new(StringComparer.Ordinal);

    public ManifestRegistry Register<T>(string manifest) => Register(typeof(T), manifest);

    public ManifestRegistry Register(Type type, string manifest)
    {
        if (!manifest.Contains(".v", StringComparison.Ordinal))
            throw new ArgumentException($"manifest '{manifest}' must carry a version suffix like '.v1'", nameof(manifest));
        if (_typeByManifest.TryGetValue(manifest, out var existing) && existing != type)
            throw new ArgumentException($"manifest '{manifest}' already bound to {existing.Name}", nameof(manifest));
        if (_manifestByType.TryGetValue(type, out var bound) && bound != manifest)
            throw new ArgumentException($"{type.Name} already bound to '{bound}'", nameof(type));
        _manifestByType[type] = manifest;
        _typeByManifest[manifest] = type;
        return this;
    }

    /// <summary>Reads events stored under <paramref name="oldManifest"/> as <paramref name="currentManifest"/>.</summary>
    public ManifestRegistry RegisterUpcast(string oldManifest, string currentManifest, Func<JsonNode, JsonNode> upcast)
    {
        _upcasts[oldManifest] = (currentManifest, upcast);
        return this;
    }

    public bool TryGetManifest(Type type, out string manifest) => _manifestByType.TryGetValue(type, out manifest!);

    public bool TryGetType(string manifest, out Type type) => _typeByManifest.TryGetValue(manifest, out type!);

    public bool TryGetUpcast(string manifest, out string target, out Func<JsonNode, JsonNode> upcast)
    {
        if (_upcasts.TryGetValue(manifest, out var u))
        {
            target = u.Target;
            upcast = u.Upcast;
            return true;
        }
        target = "";
        upcast = static n => n;
        return false;
    }

    public IReadOnlyCollection<Type> Types => _manifestByType.Keys;

    public FrozenDictionary<Type, string> Freeze() => _manifestByType.ToFrozenDictionary();
}
