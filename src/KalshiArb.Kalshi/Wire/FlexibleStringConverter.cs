using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KalshiArb.Kalshi.Wire;

/// <summary>
/// Kalshi moved numbers to strings in 2026 but some fields (fill_count, fee_cost, …) are seen both
/// ways: accept a JSON string or number and keep the exact text, so fixed-point parsing decides.
/// </summary>
public sealed class FlexibleStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"expected a string or number, got {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
