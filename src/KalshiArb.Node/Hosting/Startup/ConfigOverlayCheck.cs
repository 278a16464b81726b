using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace KalshiArb.Node.Hosting.Startup;

/// <summary>
/// Reads an operator's --config overlay against the shipped settings before anything starts: a file cut short, a
/// syntax error, a setting with no value, a kalshiarb setting that does not exist (a typo does nothing, silently) or a
/// value of the wrong kind (a word where a number or a duration belongs) each become one problem naming the setting.
/// </summary>
public static class ConfigOverlayCheck
{
    private const string OwnSection = "kalshiarb";

    public static IReadOnlyList<StartupProblem> Check(string path, Config shipped)
    {
        var subject = $"--config {path}";
        if (Directory.Exists(path)) return [new(subject, "is a folder; give the HOCON file itself")];
        if (!File.Exists(path)) return [new(subject, "no such file (the path is relative to the current folder)")];
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new(subject, $"cannot be read: {ex.Message}")];
        }
        if (HoconNesting.FindUnbalanced(text) is { } cut)
            return [new(subject, $"{cut}: refusing to start (every setting after the cut would silently keep its default)")];
        Config overlay;
        try
        {
            overlay = ConfigurationFactory.ParseString(text);
        }
        catch (Exception ex) when (ex is ConfigurationException or FormatException or ArgumentException or InvalidOperationException)
        {
            return [new(subject, $"is not valid HOCON: {ex.Message}")];
        }
        var defaults = Leaves(shipped.Root).Where(l => l.Path.StartsWith(OwnSection + ".", StringComparison.Ordinal))
            .ToDictionary(l => l.Path, l => l.Value, StringComparer.Ordinal);
        var problems = new List<StartupProblem>();
        foreach (var (key, value) in Leaves(overlay.Root))
        {
            if (IsEmpty(value))
            {
                problems.Add(new($"{key} in {path}", "has no value (write one after '=', or remove the line)"));
                continue;
            }
            if (!key.StartsWith(OwnSection + ".", StringComparison.Ordinal)) continue;
            if (!defaults.TryGetValue(key, out var shippedValue))
            {
                problems.Add(new($"{key} in {path}", UnknownReason(key, defaults.Keys)));
                continue;
            }
            if (KindMismatch(value, shippedValue) is { } wrong) problems.Add(new($"{key} in {path}", wrong));
        }
        return problems;
    }

    /// <summary>Every non-object value with its dotted path.</summary>
    public static IEnumerable<(string Path, HoconValue Value)> Leaves(HoconValue? root, string prefix = "")
    {
        if (root is null || !root.IsObject()) yield break;
        foreach (var (key, value) in root.GetObject().Items)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (value.IsObject() && !IsEmpty(value))
            {
                foreach (var leaf in Leaves(value, path)) yield return leaf;
            }
            else
            {
                yield return (path, value);
            }
        }
    }

    private static bool IsEmpty(HoconValue value) =>
        value.IsEmpty || (value.IsString() && value.GetString() is null);

    private static string UnknownReason(string key, IEnumerable<string> known)
    {
        var section = key[..key.LastIndexOf('.')];
        var siblings = known.Where(k => k.LastIndexOf('.') == section.Length && k.StartsWith(section + ".", StringComparison.Ordinal))
            .Select(k => k[(section.Length + 1)..]).Order(StringComparer.Ordinal).ToList();
        var nearest = known.MinBy(k => EditDistance(k, key));
        var hint = nearest is not null && EditDistance(nearest, key) <= Math.Max(3, key.Length / 4) ? $"; did you mean {nearest}?" : "";
        var list = siblings.Count > 0 ? $" ({section} has: {string.Join(", ", siblings)})" : "";
        return $"is not a setting, so it would change nothing{hint}{list}";
    }

    private static string? KindMismatch(HoconValue value, HoconValue shipped)
    {
        if (shipped.IsArray()) return value.IsArray() ? null : $"must be a list like {shipped}";
        if (!shipped.IsString() || shipped.GetString() is not { } example) return null;
        if (!value.IsString()) return $"must be a single value like {example}";
        var text = value.GetString() ?? "";
        if (long.TryParse(example, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? null : $"'{text}' is not a whole number (like {example})";
        }
        if (decimal.TryParse(example, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                ? null : $"'{text}' is not a number (like {example})";
        }
        if (IsBoolean(example)) return IsBoolean(text) ? null : $"'{text}' is not on/off (like {example})";
        if (IsDuration(example))
        {
            try
            {
                value.GetTimeSpan();
                return null;
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                return $"'{text}' is not a duration (write it like {example}: 500ms, 3s, 10m, 1h)";
            }
        }
        return null;
    }

    private static bool IsBoolean(string text) => text is "on" or "off" or "true" or "false" or "yes" or "no";

    private static bool IsDuration(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
        return i > 0 && i < text.Length && text[i..].Trim() is "ms" or "s" or "m" or "h" or "d" or "seconds" or "minutes" or "hours" or "days";
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
