using System.Text.Json;
using System.Text.Json.Serialization;

namespace KalshiArb.Node.Admin;

/// <summary>One JSON shape for the endpoint, the CLI and admin.json: camelCase, enums as kebab-case words.</summary>
public static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };
}
