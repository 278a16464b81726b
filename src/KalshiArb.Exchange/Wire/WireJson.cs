using System.Text.Json;
using System.Text.Json.Serialization;

namespace KalshiArb.Exchange.Wire;

/// <summary>One serializer setup for REST bodies and WS frames: snake_case names, nulls left out.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Create()
    {
        return new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
    }

    public static void ConfigureInto(JsonSerializerOptions target)
    {
        target.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        target.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
