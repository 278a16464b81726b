using System.Globalization;
using KalshiArb.Node.Replay;
using KalshiArb.Node.Soak;
using KalshiArb.Recording.Synthetic;

namespace KalshiArb.Node.Tests.Replay;

/// <summary>
/// `replay --sweep` end to end: child `kalshiarb replay` processes (the built kalshiarb.dll beside the tests) on a small
/// synthetic recording, the refusal of a bad grid before anything runs, and failed or hung combinations as failed rows.
/// </summary>
public sealed class ReplaySweepSpec : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-sweep-").FullName;

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Dll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "kalshiarb.dll");
            Assert.True(File.Exists(dll), $"no {dll}: the Node project's output is not beside the tests");
            return dll;
        }
    }

    private string Recording()
    {
        var recording = Path.Combine(_dir, "recording");
        // seed 1: its books cross the consensus by a few cents a handful of times in three minutes (seed 7's never do)
        if (!Directory.Exists(recording))
            SyntheticRecording.Write(recording, new SyntheticRecordingOptions { Markets = 4, Minutes = 3, Seed = 1, CatalogMarkers = true });
        return recording;
    }

    [Fact]
    public async Task A_higher_min_edge_gives_no_more_signals_and_two_sweeps_write_the_same_table()
    {
        var recording = Recording();
        var tables = new List<string>();
        var stderr = new StringWriter();
        foreach (var run in new[] { "first", "second" })
        {
            var outFile = Path.Combine(_dir, $"{run}.md");
            using var bound = new CancellationTokenSource(Bound);
            var rc = await ReplaySweepCommand.RunAsync(recording, "max", null, outFile, ["kalshiarb.market.min-edge=0.01,0.05"], parallel: 2, keep: false,
                new StringWriter(), stderr, bound.Token, SoakLauncher.ForAssembly(Dotnet, Dll));
            Assert.True(rc == 0, stderr.ToString());
            tables.Add(await File.ReadAllTextAsync(outFile));
        }

        Assert.Equal(tables[0], tables[1]);
        var rows = tables[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(["1", "0.01"], rows[0][1..3]);
        Assert.Equal(["2", "0.05"], rows[1][1..3]);
        Assert.All(rows, r => Assert.Equal("ok", r[^2]));
        var low = long.Parse(rows[0][3], CultureInfo.InvariantCulture);
        var high = long.Parse(rows[1][3], CultureInfo.InvariantCulture);
        Assert.True(low > 0, tables[0]);
        Assert.True(high <= low, tables[0]);
        // the work folders (journals, overlays) are gone without --keep
        Assert.Contains("work folder ", stderr.ToString(), StringComparison.Ordinal);
        Assert.All(WorkFolders(stderr.ToString()), f => Assert.False(Directory.Exists(f), f));
    }

    [Fact]
    public async Task A_key_that_is_not_a_setting_or_a_value_out_of_range_refuses_the_sweep_before_any_replay()
    {
        var recording = Recording();
        foreach (var (sweep, reason) in new[]
                 {
                     ("kalshiarb.market.min-egde=0.01,0.02", "did you mean kalshiarb.market.min-edge?"),
                     ("kalshiarb.market.min-edge=0.02,1.5", "combination 2 of 2 (kalshiarb.market.min-edge=1.5)"),
                     ("kalshiarb.market.max-book-spread=wide", "'wide' is not a number"),
                 })
        {
            var stderr = new StringWriter();
            var rc = await ReplaySweepCommand.RunAsync(recording, "max", null, null, [sweep], 1, keep: false, new StringWriter(), stderr, CancellationToken.None,
                new SoakLauncher("/nonexistent/kalshiarb", []));
            Assert.Equal(2, rc);
            Assert.Contains(reason, stderr.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("sweep: combination", stderr.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_combination_that_fails_is_a_failed_row_with_its_reason_and_the_others_still_run()
    {
        var recording = Recording();
        // the second combination's replay fails as a refused start does; the first runs the real replay
        var script = $"case \"$*\" in *combination-02*) echo '[12:00:00 ERR] replay failed: the journal is locked'; exit 2;; esac; exec '{Dotnet}' '{Dll}' \"$@\"";
        var grid = SweepGrid.Parse(["kalshiarb.market.min-edge=0.01,0.05"], out _);
        var request = new SweepRequest(recording, "max", null, grid, 2, Path.Combine(_dir, "work")) { Launcher = new SoakLauncher("/bin/sh", ["-c", script, "sh"]) };
        Directory.CreateDirectory(request.WorkDirectory);

        Assert.Empty(SweepRunner.Prepare(request, out var overlays));
        using var bound = new CancellationTokenSource(Bound);
        var rows = await SweepRunner.RunAsync(request, overlays, new StringWriter(), bound.Token);

        Assert.False(rows[0].Failed, rows[0].Failure);
        Assert.True(rows[0].Summary!.Signals > 0);
        Assert.True(rows[1].Failed);
        Assert.Equal("exit 2: replay failed: the journal is locked", rows[1].Failure);
        Assert.Contains("| FAILED: exit 2: replay failed: the journal is locked |", SweepTable.Render(grid, rows), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_combination_past_its_bound_is_killed_and_reported()
    {
        var grid = SweepGrid.Parse(["kalshiarb.market.min-edge=0.01"], out _);
        var request = new SweepRequest(Recording(), "max", null, grid, 1, Path.Combine(_dir, "hung"))
        {
            Launcher = new SoakLauncher("/bin/sh", ["-c", "exec sleep 120", "sh"]),
            CombinationTimeout = TimeSpan.FromSeconds(2),
        };
        Directory.CreateDirectory(request.WorkDirectory);
        Assert.Empty(SweepRunner.Prepare(request, out var overlays));

        var started = DateTime.UtcNow;
        using var bound = new CancellationTokenSource(Bound);
        var rows = await SweepRunner.RunAsync(request, overlays, new StringWriter(), bound.Token);

        Assert.Equal("timed out after 2 s (killed)", rows.Single().Failure);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
    }

    private static IEnumerable<string> WorkFolders(string stderr) =>
        stderr.Split('\n').Where(l => l.Contains("work folder ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("work folder ", StringComparison.Ordinal) + "work folder ".Length)..].Trim());

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }
}
