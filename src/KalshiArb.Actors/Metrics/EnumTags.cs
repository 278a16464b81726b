using System.Collections.Frozen;

namespace KalshiArb.Actors.Metrics;

/// <summary>
/// One pre-built tag per value of an enum (the value's name), so recording a measurement by reason or state allocates
/// nothing and the tag's cardinality is bounded by the enum.
/// </summary>
public sealed class EnumTags<T> where T : struct, Enum
{
    private readonly string _key;
    private readonly FrozenDictionary<T, KeyValuePair<string, object?>> _byValue;

    public EnumTags(string key)
    {
        _key = key;
        _byValue = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => new KeyValuePair<string, object?>(key, v.ToString()));
    }

    /// <summary>A value outside the enum (a cast integer) still gets a tag, built on the spot: rare, never on a hot path.</summary>
    public KeyValuePair<string, object?> this[T value] =>
        _byValue.TryGetValue(value, out var tag) ? tag : new KeyValuePair<string, object?>(_key, value.ToString());
}
