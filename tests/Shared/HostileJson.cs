using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace KalshiArb.Tests.Shared;

/// <summary>
/// FsCheck generators of hostile bodies for parser fuzzing, built from a valid sample: truncations, flipped bytes,
/// invalid UTF-8, values swapped for wrong types, huge and negative numbers and fixed-point strings with too many
/// decimals, deep nesting (up to 10,000 levels) and random documents over the parser's own field names.
/// Shared by the Kalshi and Odds test projects (linked source file).
/// </summary>
public static class HostileJson
{
    /// <summary>Values that break numeric, fixed-point, time and text fields.</summary>
    public static readonly string[] NastyValues =
    [
        "\"-1.00\"", "\"-0.0001\"", "\"0.5000001\"", "\"1.123456789012\"", "\"99999999999999999999999.99\"", "\"922337203685477.5808\"",
        "1e309", "-1e309", "1e-400", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "-0.5", "0",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e5\"", "\"0x10\"", "\" 1.00\"", "\"1,00\"", "\"+1.00\"", "\"-0\"", "\".5\"",
        "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\u0661\u0662\"", "\"2026-13-45T99:99:99Z\"", "\"9999-12-31T23:59:59Z\"",
        "null", "true", "false", "[]", "{}", "[[[]]]", "{\"\":{}}", "\"" + new string('9', 5_000) + "\"", "\"" + new string('A', 70_000) + "\"",
    ];

    private static readonly int[] Depths = [65, 100, 1_000, 10_000];

    public static Gen<byte[]> From(string validSample, IReadOnlyList<string> fieldNames) =>
        Gen.OneOf(
            Truncated(validSample),
            Flipped(validSample),
            InvalidUtf8(validSample),
            Replaced(validSample, fieldNames),
            Replaced(validSample, fieldNames),
            Deep(validSample),
            Document(fieldNames, 4).Select(Encoding.UTF8.GetBytes));

    /// <summary>The sample cut anywhere (a frame or body that ended early).</summary>
    public static Gen<byte[]> Truncated(string sample)
    {
        var bytes = Encoding.UTF8.GetBytes(sample);
        return Gen.Choose(0, bytes.Length - 1).Select(n => bytes[..n]);
    }

    /// <summary>1–4 bytes of the sample overwritten with random bytes.</summary>
    public static Gen<byte[]> Flipped(string sample)
    {
        var bytes = Encoding.UTF8.GetBytes(sample);
        var flip = from at in Gen.Choose(0, bytes.Length - 1) from b in Gen.Choose(0, 255) select (at, (byte)b);
        return flip.ListOf().Where(l => l.Count is > 0 and <= 4).Select(l =>
        {
            var copy = (byte[])bytes.Clone();
            foreach (var (at, b) in l) copy[at] = b;
            return copy;
        });
    }

    /// <summary>A byte that can never start valid UTF-8 inserted anywhere (inside a string, a name or between tokens).</summary>
    public static Gen<byte[]> InvalidUtf8(string sample)
    {
        var bytes = Encoding.UTF8.GetBytes(sample);
        return from at in Gen.Choose(0, bytes.Length)
               from b in Gen.Elements<byte>(0xFF, 0xFE, 0xC0, 0x80, 0xED)
               select (byte[])[.. bytes[..at], b, .. bytes[at..]];
    }

    /// <summary>One value of the sample (anywhere in the tree) swapped for a nasty or random value.</summary>
    public static Gen<byte[]> Replaced(string sample, IReadOnlyList<string> fieldNames)
    {
        var slots = Slots(JsonNode.Parse(sample)!).Count;
        var replacement = Gen.OneOf(Gen.Elements(NastyValues), Document(fieldNames, 2), Gen.Elements(Depths).Select(Nested));
        return from slot in Gen.Choose(0, Math.Max(0, slots - 1))
               from value in replacement
               select Encoding.UTF8.GetBytes(ReplaceSlot(sample, slot, value));
    }

    /// <summary>Deep nesting: alone, or wrapped around the sample.</summary>
    public static Gen<byte[]> Deep(string sample) =>
        from depth in Gen.Elements(Depths)
        from wrap in Gen.Elements(true, false)
        select Encoding.UTF8.GetBytes(wrap ? new string('[', depth) + sample + new string(']', depth) : Nested(depth));

    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>A random JSON document over the given field names (so the parser's own fields get wrong types).</summary>
    public static Gen<string> Document(IReadOnlyList<string> fieldNames, int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Elements(NastyValues),
            ArbMap.Default.GeneratorFor<long>().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ArbMap.Default.GeneratorFor<decimal>().Select(v => "\"" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\""),
            Gen.Elements(fieldNames.ToArray()).Select(n => "\"" + n + "\""));
        if (depth <= 0) return scalar;
        var inner = Document(fieldNames, depth - 1);
        var array = inner.ListOf().Select(l => "[" + string.Join(",", l.Take(5)) + "]");
        var obj = (from name in Gen.Elements(fieldNames.ToArray()) from v in inner select $"\"{name}\":{v}")
            .ListOf().Select(l => "{" + string.Join(",", l.Take(8)) + "}");
        return Gen.Frequency((2, scalar), (1, array), (3, obj));
    }

    private static List<(JsonNode Parent, object Key)> Slots(JsonNode root)
    {
        var slots = new List<(JsonNode, object)>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o.ToList())
                    {
                        slots.Add((o, k));
                        Walk(v);
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        slots.Add((a, i));
                        Walk(a[i]);
                    }
                    break;
            }
        }
        Walk(root);
        return slots;
    }

    private const string MarkerText = "@@fuzz-slot@@";
    private const string Marker = "\"" + MarkerText + "\"";

    private static string ReplaceSlot(string sample, int slot, string value)
    {
        var root = JsonNode.Parse(sample)!;
        var slots = Slots(root);
        if (slots.Count == 0) return value;
        var (parent, key) = slots[slot % slots.Count];
        // a marker node, swapped for the raw text afterwards: the value may be JSON no node can hold (1e309, lone surrogates)
        if (key is string name) parent[name] = JsonValue.Create(MarkerText);
        else parent[(int)key] = JsonValue.Create(MarkerText);
        return root.ToJsonString().Replace(Marker, value);
    }
}
