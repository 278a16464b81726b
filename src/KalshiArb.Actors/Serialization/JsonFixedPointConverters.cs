using System.Text.Json;
using System.Text.Json.Serialization;

namespace KalshiArb.Actors.Serialization;

// Persisted events keep prices, counts and money as Kalshi-style exact strings ("0.5200", "10.00"):
// readable in an audit export and parsed back without any rounding.

/// <summary>Reads and writes a fixed-point value as its exact wire string; a refused string fails the read.</summary>
public abstract class WireStringConverter<T> : JsonConverter<T>
{
    private readonly string _what;

    protected WireStringConverter(string what) => _what = what;

    protected abstract WireParseError TryParse(string text, out T value);

    protected abstract string ToWire(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException($"{_what} is null");
        var err = TryParse(text, out var value);
        return err == WireParseError.None ? value : throw new JsonException($"{_what} '{text}' refused: {err}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToWire(value));
}

public sealed class PriceJsonConverter() : WireStringConverter<Price>("price")
{
    protected override WireParseError TryParse(string text, out Price value) => Price.TryParse(text, out value);
    protected override string ToWire(Price value) => value.ToWire();
}

public sealed class QuantityJsonConverter() : WireStringConverter<Quantity>("count")
{
    protected override WireParseError TryParse(string text, out Quantity value) => Quantity.TryParseSigned(text, out value);
    protected override string ToWire(Quantity value) => value.ToWire();
}

public sealed class MoneyJsonConverter() : WireStringConverter<Money>("amount")
{
    protected override WireParseError TryParse(string text, out Money value) => Money.TryParse(text, out value);
    protected override string ToWire(Money value) => value.ToWire();
}
