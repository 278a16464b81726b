using System.Text.Json;
using System.Text.Json.Nodes;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace KalshiArb.Actors.Serialization;

/// <summary>
/// Our only serializer for persisted events, snapshots and remote messages: System.Text.Json bodies under
/// versioned string manifests from <see cref="MessageCatalog"/>. Never stores CLR type names, so types can
/// be renamed or moved without breaking a journal.
/// </summary>
public sealed class KalshiArbSerializer : SerializerWithStringManifest
{
    public const int SerializerId = 4711;
    public const string Name = "kalshiarb";

    private readonly ManifestRegistry _registry;

    public KalshiArbSerializer(ExtendedActorSystem system) : this(system, MessageCatalog.Registry)
    {
    }

    public KalshiArbSerializer(ExtendedActorSystem system, ManifestRegistry registry) : base(system)
    {
        _registry = registry;
    }

    public override int Identifier => SerializerId;

    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    public override string Manifest(object o) =>
        _registry.TryGetManifest(o.GetType(), out var m)
            ? m
            : throw new SerializationException($"{o.GetType().FullName} has no manifest in MessageCatalog");

    public override byte[] ToBinary(object obj)
    {
        if (!_registry.TryGetManifest(obj.GetType(), out _))
            throw new SerializationException($"{obj.GetType().FullName} has no manifest in MessageCatalog");
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), JsonOptions);
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (_registry.TryGetType(manifest, out var type))
            return JsonSerializer.Deserialize(bytes, type, JsonOptions)
                   ?? throw new SerializationException($"empty body for manifest '{manifest}'");

        if (_registry.TryGetUpcast(manifest, out var target, out var upcast) && _registry.TryGetType(target, out var targetType))
        {
            var node = JsonNode.Parse(bytes) ?? throw new SerializationException($"empty body for manifest '{manifest}'");
            return upcast(node).Deserialize(targetType, JsonOptions)
                   ?? throw new SerializationException($"upcast of '{manifest}' produced nothing");
        }

        throw new SerializationException($"unknown manifest '{manifest}'");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = false,
        };
        o.Converters.Add(new PriceJsonConverter());
        o.Converters.Add(new QuantityJsonConverter());
        o.Converters.Add(new MoneyJsonConverter());
        o.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
