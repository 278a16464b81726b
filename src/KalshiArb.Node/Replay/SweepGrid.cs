using System.Text.RegularExpressions;

namespace KalshiArb.Node.Replay;

/// <summary>
/// The grid of a <c>replay --sweep</c>: the cartesian product of its axes in grid order (the first axis changes
/// slowest, as nested loops written in the order of the <c>--sweep</c> options). <see cref="Parse"/> checks only the
/// form (KEY=V1,V2, a kalshiarb key once, the size cap); whether each key is a setting and each value fits it is the
/// node's own start-up check, run on every combination's overlay before any replay starts.
/// </summary>
public sealed partial record SweepGrid(IReadOnlyList<SweepAxis> Axes)
{
    /// <summary>More combinations than this is refused: each is a full replay, and a typo in a list multiplies.</summary>
    public const int DefaultMaxCombinations = 64;

    private const string OwnSection = "kalshiarb.";

    public int Count => Axes.Aggregate(1, (n, a) => n * a.Values.Count);

    public IReadOnlyList<SweepCombination> Combinations()
    {
        var combinations = new List<SweepCombination>(Count);
        var settings = new KeyValuePair<string, string>[Axes.Count];
        void Expand(int axis)
        {
            if (axis == Axes.Count)
            {
                combinations.Add(new SweepCombination(combinations.Count + 1, [.. settings]));
                return;
            }
            foreach (var value in Axes[axis].Values)
            {
                settings[axis] = new(Axes[axis].Key, value);
                Expand(axis + 1);
            }
        }
        Expand(0);
        return combinations;
    }

    /// <summary>The grid of these <c>--sweep</c> arguments, or the reason it is refused (one line naming the argument).</summary>
    public static SweepGrid Parse(IReadOnlyList<string> arguments, out string? problem, int maxCombinations = DefaultMaxCombinations)
    {
        var axes = new List<SweepAxis>();
        problem = null;
        foreach (var argument in arguments)
        {
            var axis = ParseAxis(argument, out problem);
            if (axis is null) return new SweepGrid([]);
            if (axes.Any(a => a.Key == axis.Key))
            {
                problem = $"--sweep {argument}: {axis.Key} is swept twice; give all its values in one --sweep";
                return new SweepGrid([]);
            }
            axes.Add(axis);
        }
        if (axes.Count == 0)
        {
            problem = "--sweep: no setting to sweep";
            return new SweepGrid([]);
        }
        // A double: ten axes of ten values would overflow an int.
        var size = axes.Aggregate(1.0, (n, a) => n * a.Values.Count);
        if (size > maxCombinations)
        {
            problem = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"--sweep: the grid has {size:N0} combinations ({string.Join(" x ", axes.Select(a => a.Values.Count))}); at most {maxCombinations} are run, each is a full replay");
            return new SweepGrid([]);
        }
        var grid = new SweepGrid(axes);
        return grid;
    }

    private static SweepAxis? ParseAxis(string argument, out string? problem)
    {
        problem = null;
        var equals = argument.IndexOf('=');
        if (equals <= 0)
        {
            problem = $"--sweep {argument}: write KEY=V1,V2,... (e.g. kalshiarb.market.min-edge=0.01,0.02,0.03)";
            return null;
        }
        var key = argument[..equals].Trim();
        if (!KeyPattern().IsMatch(key) || !key.StartsWith(OwnSection, StringComparison.Ordinal))
        {
            problem = $"--sweep {argument}: '{key}' is not a kalshiarb setting path (like kalshiarb.market.min-edge)";
            return null;
        }
        var values = argument[(equals + 1)..].Split(',').Select(v => v.Trim()).ToArray();
        if (values.Any(v => v.Length == 0))
        {
            problem = $"--sweep {argument}: an empty value (write the values separated by single commas)";
            return null;
        }
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Length)
        {
            problem = $"--sweep {argument}: a value is given twice";
            return null;
        }
        if (values.FirstOrDefault(v => v.Contains('"') || v.Contains('\n') || v.Contains('\\')) is { } bad)
        {
            problem = $"--sweep {argument}: the value '{bad}' holds a quote, backslash or line break";
            return null;
        }
        return new SweepAxis(key, values);
    }

    /// <summary>A value as HOCON: numbers, durations and words as written (the node reads 0.10 as exact text), anything else quoted.</summary>
    public static string HoconValue(string value) => PlainValue().IsMatch(value) ? value : $"\"{value}\"";

    [GeneratedRegex("^[a-z0-9-]+(\\.[a-z0-9-]+)+$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z0-9._+-]+$")]
    private static partial Regex PlainValue();
}
