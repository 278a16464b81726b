using System.Diagnostics.Tracing;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Which collections paused the threads, and for how long: listens to the runtime's GC events (informational level:
/// a handful per collection) and times every suspension (SuspendEEBegin → RestartEEEnd), attributing it to the
/// generation of the collection that started inside it (a background gen2's own short suspensions count as "bgc").
/// Also sums the bytes each generation's collections promoted (what survived and was copied).
/// </summary>
public sealed class GcPauseListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly object _gate = new();
    private readonly Dictionary<string, (int Count, double TotalMs, double MaxMs)> _pauses = new(StringComparer.Ordinal);
    private readonly long[] _promoted = new long[3];
    private DateTime _suspendedAt;
    private string? _kindInSuspension;
    private int _lastDepth;
    private volatile bool _counting;

    public void Begin()
    {
        lock (_gate)
        {
            _pauses.Clear();
            Array.Clear(_promoted);
        }
        _counting = true;
    }

    public void End() => _counting = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_counting || e.EventName is null) return;
        lock (_gate)
        {
            if (e.EventName.StartsWith("GCSuspendEEBegin", StringComparison.Ordinal))
            {
                _suspendedAt = e.TimeStamp;
                _kindInSuspension = null;
            }
            else if (e.EventName.StartsWith("GCStart", StringComparison.Ordinal))
            {
                var depth = Convert.ToInt32(Payload(e, "Depth") ?? 0);
                var type = Convert.ToInt32(Payload(e, "Type") ?? 0);
                var reason = Convert.ToInt32(Payload(e, "Reason") ?? 0);
                _lastDepth = depth;
                // A blocking gen2 says why it ran: allocation budget, induced (GC.Collect), low memory, ...
                _kindInSuspension = type == 1 ? "gen2 background"
                    : $"gen{depth}{(type == 2 ? " foreground" : "")}{(depth == 2 ? $" ({ReasonName(reason)})" : "")}";
            }
            else if (e.EventName.StartsWith("GCRestartEEEnd", StringComparison.Ordinal) && _suspendedAt != default)
            {
                var ms = (e.TimeStamp - _suspendedAt).TotalMilliseconds;
                var kind = _kindInSuspension ?? "bgc suspension";
                var (count, total, max) = _pauses.GetValueOrDefault(kind);
                _pauses[kind] = (count + 1, total + ms, Math.Max(max, ms));
                _suspendedAt = default;
            }
            else if (e.EventName.StartsWith("GCHeapStats", StringComparison.Ordinal))
            {
                var promoted = Convert.ToInt64(Payload(e, $"TotalPromotedSize{Math.Min(_lastDepth, 2)}") ?? 0L);
                _promoted[Math.Min(_lastDepth, 2)] += promoted;
            }
        }
    }

    // The runtime's GC reasons (GCStart's Reason field), the ones a blocking gen2 shows.
    private static string ReasonName(int reason) => reason switch
    {
        0 => "small-object budget",
        1 => "induced",
        2 => "low memory",
        4 => "large-object budget",
        5 => "out of space (SOH)",
        6 => "out of space (LOH)",
        7 => "induced, not forced",
        8 => "internal",
        10 => "induced compacting",
        _ => $"reason {reason}",
    };

    private static object? Payload(EventWrittenEventArgs e, string name)
    {
        var i = e.PayloadNames?.IndexOf(name) ?? -1;
        return i >= 0 ? e.Payload?[i] : null;
    }

    /// <summary>One line per kind of collection: how many suspended the threads, for how long in total and at most.</summary>
    public IEnumerable<string> Describe()
    {
        lock (_gate)
        {
            foreach (var (kind, (count, total, max)) in _pauses.OrderByDescending(p => p.Value.TotalMs))
                yield return $"{kind,-18} {count,5} pauses, {total,9:F1} ms in total, max {max,7:F1} ms";
            yield return $"promoted by gen0 collections {_promoted[0] / 1_048_576.0:F0} MB, gen1 {_promoted[1] / 1_048_576.0:F0} MB, gen2 {_promoted[2] / 1_048_576.0:F0} MB";
        }
    }
}
