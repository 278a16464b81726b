using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Exchange.Tests.Support;

/// <summary>Keeps every log line of every category ("category|level|message"), to check what the simulator writes.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
        // nothing held: the lines stay readable after the simulator has stopped
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // structured values too: a secret must not hide in a property the message text leaves out
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category}|{logLevel}|{formatter(state, exception)}|{values}|{exception}");
        }
    }
}
