namespace KalshiArb.Benchmarks;

/// <summary>Percentiles of a set of Stopwatch-tick latencies, printed in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, string Histogram)
{
    private static readonly double[] BucketEdgesMs = [2, 5, 10, 20, 50, 100, 200, 500, 1000];

    public static LatencySummary From(IReadOnlyCollection<long> ticks)
    {
        if (ticks.Count == 0) return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, "");
        var sorted = ticks.Order().ToArray();
        return new LatencySummary(sorted.Length, Ms(At(sorted, 0.50)), Ms(At(sorted, 0.90)), Ms(At(sorted, 0.99)), Ms(sorted[^1]),
            HistogramOf(sorted));
    }

    /// <summary>Counts per bucket ("<=5ms:12"), so a cluster (e.g. lock retries) shows beside the percentiles.</summary>
    private static string HistogramOf(long[] sorted)
    {
        var counts = new int[BucketEdgesMs.Length + 1];
        foreach (var t in sorted)
        {
            var ms = Ms(t);
            var b = 0;
            while (b < BucketEdgesMs.Length && ms > BucketEdgesMs[b]) b++;
            counts[b]++;
        }
        var parts = counts.Select((c, i) => (c, label: i < BucketEdgesMs.Length ? $"<={BucketEdgesMs[i]}ms" : $">{BucketEdgesMs[^1]}ms"))
            .Where(x => x.c > 0).Select(x => $"{x.label}:{x.c}");
        return string.Join(' ', parts);
    }

    // Nearest-rank percentile: the smallest value with at least q of the samples at or below it.
    private static long At(long[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public override string ToString() =>
        $"n={Count}  p50={P50Ms:F2} ms  p90={P90Ms:F2} ms  p99={P99Ms:F2} ms  max={MaxMs:F2} ms  [{Histogram}]";
}
