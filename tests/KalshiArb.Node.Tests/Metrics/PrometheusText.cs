using System.Globalization;
using System.Text.RegularExpressions;

namespace KalshiArb.Node.Tests.Metrics;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4), enough to reject what a Prometheus server would:
/// every line is a HELP, a TYPE or a sample; a family's TYPE comes once, before its samples; names and labels are
/// well formed; values are floats; a histogram's buckets are cumulative and end at +Inf equal to its _count.
/// </summary>
public sealed partial class PrometheusText
{
    private PrometheusText(Dictionary<string, string> types, List<Sample> samples)
    {
        Types = types;
        Samples = samples;
    }

    public IReadOnlyDictionary<string, string> Types { get; }
    public IReadOnlyList<Sample> Samples { get; }

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IEnumerable<Sample> Named(string name) => Samples.Where(s => s.Name == name);

    /// <summary>The one sample of <paramref name="name"/> without labels, or the sum over its label sets.</summary>
    public double Total(string name) => Named(name).Sum(s => s.Value);

    public static PrometheusText Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        var lineNo = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNo++;
            if (line.Length == 0) continue;
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                Require(HelpLine().IsMatch(line), lineNo, line, "malformed HELP");
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var m = TypeLine().Match(line);
                Require(m.Success, lineNo, line, "malformed TYPE");
                var family = m.Groups[1].Value;
                Require(types.TryAdd(family, m.Groups[2].Value), lineNo, line, "second TYPE for a family");
                Require(!samples.Any(s => FamilyOf(s.Name, types) == family), lineNo, line, "TYPE after the family's samples");
                continue;
            }
            Require(!line.StartsWith('#'), lineNo, line, "unknown comment");
            var sample = SampleLine().Match(line);
            Require(sample.Success, lineNo, line, "malformed sample");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match l in LabelPair().Matches(sample.Groups[2].Value))
                Require(labels.TryAdd(l.Groups[1].Value, Unescape(l.Groups[2].Value)), lineNo, line, "repeated label");
            samples.Add(new Sample(sample.Groups[1].Value, labels, ParseValue(sample.Groups[3].Value, lineNo, line)));
        }
        Require(text.Length == 0 || text.EndsWith('\n'), lineNo, "", "the text must end with a newline");
        foreach (var s in samples) Require(FamilyOf(s.Name, types) is not null, 0, s.Name, "sample without a TYPE");
        CheckHistograms(types, samples);
        return new PrometheusText(types, samples);
    }

    private static void CheckHistograms(Dictionary<string, string> types, List<Sample> samples)
    {
        foreach (var (family, _) in types.Where(t => t.Value == "histogram"))
        {
            var buckets = samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").Select(l => l.Key + "=" + l.Value)));
            foreach (var series in buckets)
            {
                var ordered = series.Select(s => (Le: ParseValue(s.Labels["le"], 0, s.Name), s.Value)).ToList();
                for (var i = 1; i < ordered.Count; i++)
                {
                    Require(ordered[i].Le > ordered[i - 1].Le, 0, family, "bucket bounds out of order");
                    Require(ordered[i].Value >= ordered[i - 1].Value, 0, family, "buckets not cumulative");
                }
                Require(double.IsPositiveInfinity(ordered[^1].Le), 0, family, "last bucket is not +Inf");
                var count = samples.Single(s => s.Name == family + "_count"
                    && string.Join(",", s.Labels.Select(l => l.Key + "=" + l.Value)) == series.Key);
                Require(count.Value == ordered[^1].Value, 0, family, "+Inf bucket differs from _count");
            }
        }
    }

    private static string? FamilyOf(string sampleName, Dictionary<string, string> types)
    {
        if (types.ContainsKey(sampleName)) return sampleName;
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(sampleName[..^suffix.Length], out var t) && t == "histogram")
                return sampleName[..^suffix.Length];
        return null;
    }

    private static double ParseValue(string text, int lineNo, string line) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"line {lineNo}: '{line}': value '{text}' is not a float"),
    };

    private static string Unescape(string value) => value.Replace("\\n", "\n").Replace("\\\"", "\"").Replace("\\\\", "\\");

    private static void Require(bool ok, int lineNo, string line, string what)
    {
        if (!ok) throw new FormatException($"line {lineNo}: {what}: '{line}'");
    }

    [GeneratedRegex(@"^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*"")(?:,[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*"")*)?\})? (\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\\n]|\\[\\""n])*)""")]
    private static partial Regex LabelPair();
}
