using System.Text.Json;
using System.Text.Json.Serialization;
using KalshiArb.Domain.Primitives;

namespace KalshiArb.Actors.Serialization;

// Persisted events keep prices, counts and money as Kalshi-style exact strings ("0.5200", "10.00"):
// readable in an audit export and parsed back without any rounding.

public sealed class PriceJsonConverter : JsonConverter<Price>
{
    public override Price Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("price is null");
        var err = Price.TryParse(text, out var p);
        return err == WireParseError.None ? p : throw new JsonException($"price '{text}' refused: {err}");
    }

    public override void Write(Utf8JsonWriter writer, Price value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}

public sealed class QuantityJsonConverter : JsonConverter<Quantity>
{
    public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("count is null");
        var err = Quantity.TryParseSigned(text, out var q);
        return err == WireParseError.None ? q : throw new JsonException($"count '{text}' refused: {err}");
    }

    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}

public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("amount is null");
        var err = Money.TryParse(text, out var m);
        return err == WireParseError.None ? m : throw new JsonException($"amount '{text}' refused: {err}");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}
