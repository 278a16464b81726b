namespace KalshiArb.Node.Tests.Admin;

/// <summary>`run` with the admin endpoint: the CLI talks to a real sim node, and a clean stop removes admin.json.</summary>
public sealed class RunCommandAdminSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-run-admin-").FullName;

    [Fact]
    public async Task The_cli_sees_and_halts_a_running_node_and_the_access_file_goes_with_it()
    {
        var data = Path.Combine(_dir, "data");
        var settings = new NodeSettings { DataDirectory = data, LogDirectory = Path.Combine(_dir, "logs") };
        using var stop = new CancellationTokenSource();
        var run = RunCommand.RunAsync(settings, stop.Token, adminPort: 0);
        try
        {
            Assert.True(await AccessAppearsAsync(data, run), "the node never wrote admin.json");

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(0, await StatusCommand.RunAsync(data, json: false, stdout, stderr, CancellationToken.None));
            Assert.Contains("kill switch: trading", stdout.ToString());

            Assert.Equal(0, await KillCommand.RunAsync(data, reduceOnly: false, "end to end", stdout, stderr, CancellationToken.None));
            Assert.Equal(0, await StatusCommand.RunAsync(data, json: false, stdout, stderr, CancellationToken.None));
            Assert.Contains("kill switch: HALTED", stdout.ToString());
            Assert.Equal(0, await ResumeCommand.RunAsync(data, "end to end over", stdout, stderr, CancellationToken.None));
            Assert.Equal("", stderr.ToString());
        }
        finally
        {
            await stop.CancelAsync();
        }
        Assert.Equal(0, await run);
        Assert.False(File.Exists(AdminAccess.PathIn(data)));
        Assert.Equal((int)AdminCallOutcome.NoNode, await StatusCommand.RunAsync(data, false, new StringWriter(), new StringWriter(), CancellationToken.None));
    }

    private static async Task<bool> AccessAppearsAsync(string data, Task<int> run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (DateTime.UtcNow < deadline && !run.IsCompleted && await every.WaitForNextTickAsync())
            if (AdminAccess.TryRead(data, out _) is not null) return true;
        return false;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
