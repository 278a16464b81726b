using Serilog.Core;
using Serilog.Events;

namespace KalshiArb.Node.Hosting;

/// <summary>A bounded, thread-safe memory of the last rendered log lines (oldest dropped first).</summary>
public sealed class RecentLogLines(int capacity) : ILogEventSink
{
    private readonly Queue<RecentLogLine> _lines = new();
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        var line = new RecentLogLine(logEvent.Timestamp, logEvent.Level, logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<RecentLogLine> Snapshot()
    {
        lock (_gate) return _lines.ToArray();
    }
}

public sealed record RecentLogLine(DateTimeOffset At, LogEventLevel Level, string Text);
