using Serilog.Events;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// What reaches the person at the terminal: warnings and errors, the node's own lines (start, status, stop) and one
/// line per fill and per order end. Akka's own INFO lines (remoting, cluster, singletons, signals) go only to the log
/// file. While the dashboard owns the screen the console is paused and the same lines are kept in <see cref="Recent"/>.
/// </summary>
public sealed class OperatorConsole
{
    /// <summary>Set by Akka.Logger.Serilog on every line an actor system logs; our own host lines never carry it.</summary>
    private const string AkkaLogSource = "LogSource";

    private static readonly string OrderActorSource = typeof(OrderActor).FullName!;

    private volatile bool _paused;

    /// <summary>True while a live dashboard draws the screen: a log line written then would tear it.</summary>
    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    /// <summary>The last fills, order ends and warnings, for the dashboard.</summary>
    public RecentLogLines Recent { get; } = new(capacity: 40);

    public static bool IsForOperator(LogEvent e) => e.Level >= LogEventLevel.Warning || !IsFromAkka(e) || IsOrderLine(e);

    /// <summary>Worth a row in the dashboard's activity pane: money moving or something going wrong.</summary>
    public static bool IsActivity(LogEvent e) => e.Level >= LogEventLevel.Warning || IsOrderLine(e);

    private static bool IsFromAkka(LogEvent e) => e.Properties.ContainsKey(AkkaLogSource);

    /// <summary>The order actor's lines: a fill, an order's end (OrderNarration), a cancel or a recovery.</summary>
    private static bool IsOrderLine(LogEvent e) =>
        e.Level >= LogEventLevel.Information && IsFromAkka(e) &&
        e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string s } && s == OrderActorSource;
}
