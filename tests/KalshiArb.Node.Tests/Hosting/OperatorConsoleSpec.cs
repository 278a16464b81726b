using Serilog.Events;
using Serilog.Parsing;

namespace KalshiArb.Node.Tests.Hosting;

/// <summary>Which log lines reach the console: Akka's own INFO lines do not; warnings, our host lines and order lines do.</summary>
public sealed class OperatorConsoleSpec
{
    private static LogEvent Line(LogEventLevel level, string? akkaSource, string? sourceContext = null)
    {
        var properties = new List<LogEventProperty>();
        if (akkaSource is not null) properties.Add(new LogEventProperty("LogSource", new ScalarValue(akkaSource)));
        if (sourceContext is not null) properties.Add(new LogEventProperty("SourceContext", new ScalarValue(sourceContext)));
        return new LogEvent(DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse("a line"), properties);
    }

    [Fact]
    public void Akka_info_lines_stay_in_the_file()
    {
        var remoting = Line(LogEventLevel.Information, "remoting (akka://kalshiarb)", "Akka.Remote.Transport.DotNetty.TcpTransport");

        Assert.False(OperatorConsole.IsForOperator(remoting));
        Assert.False(OperatorConsole.IsActivity(remoting));
    }

    [Fact]
    public void Akka_warnings_and_errors_reach_the_console_and_the_activity_pane()
    {
        var warning = Line(LogEventLevel.Warning, "akka://kalshiarb/user/market", "KalshiArb.Actors.Markets.MarketActor");

        Assert.True(OperatorConsole.IsForOperator(warning));
        Assert.True(OperatorConsole.IsActivity(warning));
        Assert.True(OperatorConsole.IsForOperator(Line(LogEventLevel.Error, "akka://kalshiarb/system/cluster")));
    }

    [Fact]
    public void Fill_and_order_end_lines_of_the_order_actor_reach_the_console()
    {
        var fill = Line(LogEventLevel.Information, "akka://kalshiarb/system/sharding/order/3/x", typeof(OrderActor).FullName);

        Assert.True(OperatorConsole.IsForOperator(fill));
        Assert.True(OperatorConsole.IsActivity(fill));
        Assert.False(OperatorConsole.IsForOperator(Line(LogEventLevel.Debug, "akka://kalshiarb/system/sharding/order/3/x", typeof(OrderActor).FullName)));
    }

    [Fact]
    public void The_hosts_own_lines_reach_the_console_but_not_the_activity_pane()
    {
        var status = Line(LogEventLevel.Information, akkaSource: null);

        Assert.True(OperatorConsole.IsForOperator(status));
        Assert.False(OperatorConsole.IsActivity(status));
    }

    [Fact]
    public void Recent_lines_keep_only_the_newest()
    {
        var recent = new RecentLogLines(capacity: 2);
        foreach (var text in new[] { "one", "two", "three" })
            recent.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse(text), []));

        Assert.Equal(["two", "three"], recent.Snapshot().Select(l => l.Text));
    }
}
