using System.Diagnostics;
using System.Globalization;
using KalshiArb.Node.Hosting;
using KalshiArb.Node.Hosting.Startup;
using KalshiArb.Node.Soak;

namespace KalshiArb.Node.Replay;

/// <summary>
/// Runs a sweep: writes every combination's overlay, checks each with the node's own start-up check (a key that is not
/// a setting, a value of the wrong kind or out of range refuses the whole sweep before anything runs), then replays
/// each combination in a child <c>kalshiarb replay</c> (its own actor system, ports and journal), a bounded number at
/// once. A combination that fails or runs past its bound is a failed row with the reason; the others still run.
/// </summary>
public static class SweepRunner
{
    /// <summary>The overlay file of each combination, or the problems that refuse the sweep (none run).</summary>
    public static IReadOnlyList<string> Prepare(SweepRequest request, out IReadOnlyList<string> overlays)
    {
        var combinations = request.Grid.Combinations();
        var written = new List<string>(combinations.Count);
        overlays = written;
        string? operatorOverlay = null;
        if (request.ConfigOverlayPath is { } path)
        {
            // The operator's overlay alone first, so its own mistakes are named against its own file.
            var own = Check(request.WorkDirectory, path);
            if (own.Count > 0) return own;
            operatorOverlay = File.ReadAllText(path);
        }
        foreach (var combination in combinations)
        {
            var file = Path.Combine(request.WorkDirectory, $"combination-{combination.Number:D2}.conf");
            File.WriteAllText(file, combination.Overlay(operatorOverlay));
            var problems = Check(request.WorkDirectory, file);
            if (problems.Count > 0)
                return [.. problems.Select(p => $"--sweep combination {combination.Number} of {combinations.Count} ({combination}): {p.Replace(file, "the sweep's overlay", StringComparison.Ordinal)}")];
            written.Add(file);
        }
        return [];
    }

    /// <summary>The node's start-up check on a replay with this overlay (the settings a replay starts with).</summary>
    private static IReadOnlyList<string> Check(string workDirectory, string overlay)
    {
        var settings = new NodeSettings { Mode = TradingMode.Paper, DataDirectory = Path.Combine(workDirectory, "check"), ConfigOverlayPath = overlay };
        return [.. StartupCheck.Run(settings, Environment.GetEnvironmentVariable, externalExchange: false).Select(p => p.ToString())];
    }

    /// <summary>Replays every combination (overlays from <see cref="Prepare"/>); rows in grid order. Timings go to <paramref name="progress"/>.</summary>
    public static async Task<IReadOnlyList<SweepRow>> RunAsync(SweepRequest request, IReadOnlyList<string> overlays, TextWriter progress, CancellationToken ct)
    {
        var combinations = request.Grid.Combinations();
        var rows = new SweepRow[combinations.Count];
        using var supervisor = new ProcessSupervisor();
        using var slots = new SemaphoreSlim(Math.Max(1, request.Parallel));
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(combinations.Select(async (combination, i) =>
        {
            await slots.WaitAsync(ct);
            try
            {
                var started = Stopwatch.StartNew();
                rows[i] = await ReplayOneAsync(request, combination, overlays[i], supervisor, ct);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"sweep: combination {combination.Number}/{combinations.Count} ({combination}) {(rows[i].Failed ? "FAILED: " + rows[i].Failure : "done")} in {started.Elapsed.TotalSeconds:F1} s"));
            }
            finally
            {
                slots.Release();
            }
        }));
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"sweep: {combinations.Count} combinations in {wall.Elapsed.TotalSeconds:F1} s wall time, {request.Parallel} at once"));
        return rows;
    }

    private static async Task<SweepRow> ReplayOneAsync(SweepRequest request, SweepCombination combination, string overlay, ProcessSupervisor supervisor,
        CancellationToken ct)
    {
        var dir = Path.Combine(request.WorkDirectory, $"combination-{combination.Number:D2}");
        Directory.CreateDirectory(dir);
        var summaryPath = Path.Combine(dir, "summary.json");
        var logPath = Path.Combine(dir, "replay.log");
        string[] arguments =
        [
            "replay", "--recording", request.Recording, "--speed", request.Speed, "--config", overlay,
            "--out", Path.Combine(dir, "report.txt"), "--summary", summaryPath, "--data-dir", Path.Combine(dir, "journal"),
        ];
        var lastProblem = new ProblemLine();
        ChildProcess child;
        try
        {
            child = supervisor.Track(ChildProcess.Start($"replay {combination.Number}", request.Launcher, arguments, new Dictionary<string, string>(), logPath));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new SweepRow(combination, null, $"could not start the replay: {ex.Message}");
        }
        child.LineReceived += lastProblem.Offer;
        using (child)
        {
            if (!await child.WaitForExitAsync(request.CombinationTimeout, ct))
            {
                child.Kill();
                return new SweepRow(combination, null, string.Create(CultureInfo.InvariantCulture, $"timed out after {Describe(request.CombinationTimeout)} (killed)"));
            }
            // the exit is seen before the last output lines: a bounded wait for the reader to finish
            child.WaitForExit(TimeSpan.FromSeconds(5));
            supervisor.Forget(child);
            if (child.ExitCode != 0)
                return new SweepRow(combination, null, $"exit {child.ExitCode}: {lastProblem.Text ?? "no reason printed (its log: replay.log in the work folder, with --keep)"}");
        }
        var summary = File.Exists(summaryPath) ? ReplaySummary.FromJson(await File.ReadAllTextAsync(summaryPath, ct)) : null;
        return summary is null
            ? new SweepRow(combination, null, "the replay ended without writing its summary")
            : new SweepRow(combination, summary, null);
    }

    private static string Describe(TimeSpan bound) => bound < TimeSpan.FromMinutes(2)
        ? bound.TotalSeconds.ToString("0.# s", CultureInfo.InvariantCulture)
        : bound.TotalMinutes.ToString("0.# min", CultureInfo.InvariantCulture);

    /// <summary>The last error line a child printed (its log's ERR/FTL lines, or a refused start), kept as it arrives.</summary>
    private sealed class ProblemLine
    {
        private volatile string? _text;

        public string? Text => _text;

        public void Offer(string line)
        {
            if (line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal) ||
                line.StartsWith("cannot start", StringComparison.Ordinal))
            {
                // "[18:30:49 ERR] replay failed: …": the reason without the time, so a table with a failed row still compares
                var end = line.StartsWith('[') ? line.IndexOf("] ", StringComparison.Ordinal) : -1;
                _text = (end >= 0 ? line[(end + 2)..] : line).Replace('|', '/').Trim();
            }
        }
    }
}
