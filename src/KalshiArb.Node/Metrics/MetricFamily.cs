using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace KalshiArb.Node.Metrics;

/// <summary>
/// One instrument's series (one per tag set) and how to print them in the Prometheus text format: counters as
/// "name_total", gauges as "name", histograms as cumulative "name_bucket{le=...}" plus "_sum" and "_count".
/// Recording is lock-free (Interlocked on per-series cells); a new tag set allocates its cell once.
/// </summary>
internal sealed class MetricFamily
{
    private readonly ConcurrentDictionary<SeriesKey, Cell> _series = new();
    private readonly double[] _bounds;
    private readonly bool _adds;

    public MetricFamily(Instrument instrument)
    {
        Kind = KindOf(instrument);
        Name = MetricName(instrument.Name) + (Kind == MetricKind.Counter ? "_total" : "");
        Help = instrument.Description ?? "";
        // Counters and up-down counters report changes; the observable instruments report the current value.
        _adds = !instrument.IsObservable;
        _bounds = Kind == MetricKind.Histogram ? BoundsOf(instrument) : [];
        // A series without tags exists from the start, so a scrape shows 0 rather than no such metric.
        if (!instrument.IsObservable) _series.GetOrAdd(default, _ => new Cell(_bounds.Length));
    }

    public string Name { get; }
    public string Help { get; }
    public MetricKind Kind { get; }
    public bool IsObservable => !_adds;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = new SeriesKey(tags);
        if (!_series.TryGetValue(key, out var cell)) cell = _series.GetOrAdd(key, _ => new Cell(_bounds.Length));
        if (Kind == MetricKind.Histogram) cell.Observe(value, _bounds);
        else if (_adds) cell.Add(value);
        else cell.Set(value);
    }

    /// <summary>Observable series are dropped before each collection: a reading that is gone leaves no stale sample.</summary>
    public void ClearObserved()
    {
        if (IsObservable) _series.Clear();
    }

    public void WriteTo(StringBuilder text)
    {
        text.Append("# HELP ").Append(Name).Append(' ').Append(EscapeHelp(Help)).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(Kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        }).Append('\n');
        // The untagged series made at the start stands in only until a tagged one exists (a tagged counter is not also 0 untagged).
        var tagged = _series.Count > 1;
        foreach (var (labels, cell) in _series.Select(kv => (Labels(kv.Key), kv.Value)).OrderBy(s => s.Item1, StringComparer.Ordinal))
        {
            if (tagged && labels.Length == 0 && cell.IsEmpty) continue;
            if (Kind != MetricKind.Histogram)
            {
                Sample(text, Name, labels, null, cell.Value);
                continue;
            }
            long cumulative = 0;
            for (var i = 0; i <= _bounds.Length; i++)
            {
                cumulative += Interlocked.Read(ref cell.Buckets[i]);
                var le = i < _bounds.Length ? Number(_bounds[i]) : "+Inf";
                Sample(text, Name + "_bucket", labels, "le=\"" + le + "\"", cumulative);
            }
            Sample(text, Name + "_sum", labels, null, cell.Value);
            Sample(text, Name + "_count", labels, null, cumulative);
        }
    }

    private static void Sample(StringBuilder text, string name, string labels, string? extra, double value)
    {
        text.Append(name);
        if (labels.Length > 0 || extra is not null)
        {
            text.Append('{').Append(labels);
            if (labels.Length > 0 && extra is not null) text.Append(',');
            text.Append(extra).Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Labels(SeriesKey key) =>
        string.Join(",", key.Tags().OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => MetricName(t.Key) + "=\"" + EscapeLabel(Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "") + "\""));

    internal static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture), // shortest text that round-trips
    };

    /// <summary>Prometheus names are [a-zA-Z_:][a-zA-Z0-9_:]*; anything else becomes '_'.</summary>
    internal static string MetricName(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':' || (i > 0 && c is >= '0' and <= '9');
            if (!ok) chars[i] = '_';
        }
        return new string(chars);
    }

    private static string EscapeLabel(string value) => value.Replace("\\", @"\\").Replace("\"", "\\\"").Replace("\n", @"\n");

    private static string EscapeHelp(string value) => value.Replace("\\", @"\\").Replace("\n", @"\n");

    private static MetricKind KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType) return MetricKind.Gauge;
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>)) return MetricKind.Counter;
        if (definition == typeof(Histogram<>)) return MetricKind.Histogram;
        return MetricKind.Gauge;
    }

    private static double[] BoundsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } b } => [.. b],
        Histogram<long> { Advice.HistogramBucketBoundaries: { } b } => [.. b.Select(x => (double)x)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { } b } => [.. b.Select(x => (double)x)],
        _ => DefaultBounds,
    };

    /// <summary>Prometheus's own defaults, for a histogram that gives no advice.</summary>
    private static readonly double[] DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private sealed class Cell(int bounds)
    {
        private double _value;

        /// <summary>Per bucket (not cumulative); the last is above every bound.</summary>
        public readonly long[] Buckets = new long[bounds + 1];

        public double Value => Volatile.Read(ref _value);

        public bool IsEmpty => Value == 0 && Buckets.All(b => b == 0);

        public void Set(double value) => Volatile.Write(ref _value, value);

        public void Add(double delta)
        {
            var seen = Volatile.Read(ref _value);
            while (true)
            {
                var was = Interlocked.CompareExchange(ref _value, seen + delta, seen);
                if (was.Equals(seen)) return;
                seen = was;
            }
        }

        public void Observe(double value, double[] bounds)
        {
            var i = 0;
            while (i < bounds.Length && value > bounds[i]) i++;
            Interlocked.Increment(ref Buckets[i]);
            Add(value);
        }
    }
}

internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
