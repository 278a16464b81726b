using System.Diagnostics.Tracing;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Where the bytes go, by type: listens to the runtime's GCAllocationTick events (one roughly every 100 KB allocated,
/// naming the type whose allocation crossed the tick) and counts the bytes each tick stands for. A sample, not a census:
/// a type's share is what matters, and types allocating less than a tick's worth per window may not show.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private volatile bool _counting;

    public void Begin()
    {
        lock (_gate) _bytesByType.Clear();
        _counting = true;
    }

    public void End() => _counting = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_counting || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        string? type = null;
        long bytes = 0;
        for (var i = 0; i < e.Payload.Count; i++)
        {
            switch (e.PayloadNames?[i])
            {
                case "TypeName":
                    type = e.Payload[i] as string;
                    break;
                case "AllocationAmount64":
                    bytes = Convert.ToInt64(e.Payload[i]);
                    break;
                case "AllocationAmount" when bytes == 0:
                    bytes = Convert.ToInt64(e.Payload[i]);
                    break;
            }
        }
        lock (_gate) _bytesByType[type ?? "?"] = _bytesByType.GetValueOrDefault(type ?? "?") + bytes;
    }

    /// <summary>The <paramref name="top"/> types by sampled bytes, each as bytes per unit (e.g. per lifecycle).</summary>
    public IEnumerable<string> Describe(long units, int top)
    {
        KeyValuePair<string, long>[] sorted;
        lock (_gate) sorted = _bytesByType.OrderByDescending(kv => kv.Value).ToArray();
        var total = sorted.Sum(kv => kv.Value);
        foreach (var kv in sorted.Take(top))
            yield return $"{kv.Value / (double)Math.Max(1, units),9:F0} B  {100.0 * kv.Value / Math.Max(1, total),5:F1}%  {kv.Key}";
    }
}
