namespace KalshiArb.Node.Tests.Cli;

public sealed class RunCommandSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-run-").FullName;

    private NodeSettings Settings => new()
    {
        DataDirectory = Path.Combine(_dir, "data"),
        LogDirectory = Path.Combine(_dir, "logs"),
        Duration = TimeSpan.FromMilliseconds(300),
    };

    [Fact]
    public async Task A_short_run_checks_the_journal_and_stops_cleanly()
    {
        var rc = await RunCommand.RunAsync(Settings, CancellationToken.None);
        Assert.Equal(0, rc);
        Assert.True(File.Exists(Path.Combine(_dir, "data", "kalshiarb.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir, "logs")));
    }

    [Fact]
    public async Task Live_mode_is_refused_while_execution_cannot_reconcile()
    {
        var rc = await RunCommand.RunAsync(Settings with { Mode = TradingMode.Live }, CancellationToken.None);
        Assert.Equal(2, rc);
        Assert.False(File.Exists(Path.Combine(_dir, "data", "kalshiarb.db")));
    }

    [Fact]
    public void Unknown_commands_fail_with_usage()
    {
        var rc = CommandLineApp.Build().Parse(["frobnicate"]).Invoke();
        Assert.NotEqual(0, rc);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
