using System.Globalization;
using KalshiArb.Node.Replay;

namespace KalshiArb.Node.Cli;

/// <summary>
/// <c>replay --sweep KEY=V1,V2 [--sweep …]</c>: the grid checked (form, size, and every combination through the node's
/// start-up check) before anything runs, then one child replay per combination, and the table in grid order (stdout,
/// and <c>--out</c>). Exit 0 when every combination replayed, 1 when one failed, 2 when the sweep was refused.
/// </summary>
public static class ReplaySweepCommand
{
    public static async Task<int> RunAsync(string recording, string speed, string? config, string? outFile, IReadOnlyList<string> sweep, int parallel,
        bool keep, TextWriter stdout, TextWriter stderr, CancellationToken ct, Soak.SoakLauncher? launcher = null)
    {
        var grid = SweepGrid.Parse(sweep, out var problem);
        problem ??= ReplayCommand.RealTime(speed) is null ? $"--speed must be max or 1, got '{speed}'"
            : parallel < 1 ? $"--parallel must be at least 1, got {parallel}"
            : !Directory.Exists(recording) ? $"--recording {recording}: no such folder"
            : null;
        if (problem is not null)
        {
            await stderr.WriteLineAsync($"cannot start: {problem}");
            return 2;
        }
        var work = Directory.CreateTempSubdirectory("kalshiarb-sweep-").FullName;
        try
        {
            var request = new SweepRequest(Path.GetFullPath(recording), speed, config is null ? null : Path.GetFullPath(config), grid,
                Math.Min(parallel, grid.Count), work);
            if (launcher is not null) request = request with { Launcher = launcher };
            var refused = SweepRunner.Prepare(request, out var overlays);
            if (refused.Count > 0)
            {
                foreach (var p in refused) await stderr.WriteLineAsync($"cannot start: {p}");
                return 2;
            }
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"sweep: {grid.Count} combinations of {string.Join(", ", grid.Axes.Select(a => a.Key))}, {request.Parallel} at once, work folder {work}"));
            var rows = await SweepRunner.RunAsync(request, overlays, stderr, ct);
            var table = SweepTable.Render(grid, rows);
            await stdout.WriteAsync(table);
            if (outFile is not null) await File.WriteAllTextAsync(outFile, table, ct);
            var failed = rows.Count(r => r.Failed);
            if (failed > 0) await stderr.WriteLineAsync($"sweep: {failed} of {rows.Count} combinations failed (reasons in the table; logs in {work} with --keep)");
            return failed > 0 ? 1 : 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("sweep: stopped before the end; no table");
            return 2;
        }
        finally
        {
            if (keep) await stderr.WriteLineAsync($"sweep: work folder kept: {work}");
            else TryDelete(work);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a temp folder: left for the system to clear
        }
    }
}
