using System.CommandLine;
using KalshiArb.Adapters.Recording.Data;
using KalshiArb.Node.Hosting;
using KalshiArb.Node.Hosting.Startup;
using KalshiArb.Node.Replay;

namespace KalshiArb.Node.Cli;

/// <summary>`replay`: a recording (from `run --record`) through the node's own actors in paper mode, on a fresh journal.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var recording = new Option<string>("--recording") { Description = "the recording directory (written by `run --record DIR`)", Required = true };
        var speed = new Option<string>("--speed") { Description = "max (as fast as the actors go) | 1 (the recorded pace)", DefaultValueFactory = _ => "max" };
        var config = new Option<string?>("--config") { Description = "a HOCON file whose settings override the shipped hocon/ (as for run)" };
        var outFile = new Option<string?>("--out") { Description = "write the report here (only what follows from the recording: two replays give the same bytes)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "where the replay's journal goes (default: a new temporary directory); audit it with `audit --data-dir`" };
        var synthetic = new Option<string?>("--synthetic")
        {
            Description = "MARKETS:MINUTES — first generate a synthetic recording of this size (with catalog markers) into --recording, " +
                          "which must not exist yet (for measuring replay speed, e.g. 20:60)",
        };
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "KEY=V1,V2,... (repeatable): replay once per combination of the values (the grid is the product, at most " +
                          $"{SweepGrid.DefaultMaxCombinations}), each on its own journal in a child process, over --config; prints one table row per combination",
        };
        var parallel = new Option<int?>("--parallel") { Description = $"with --sweep: replays at once (default half the cores, here {SweepRequest.DefaultParallel})" };
        var keep = new Option<bool>("--keep") { Description = "with --sweep: keep the work folder (each combination's overlay, report, log and journal)" };
        var summary = new Option<string?>("--summary") { Description = "also write the replay's totals as JSON here (what a sweep reads)", Hidden = true };
        var cmd = new Command("replay", "Replay a recording through the trading actors (paper venue, fresh journal) and report signals, orders, fills and P&L");
        cmd.Options.Add(recording);
        cmd.Options.Add(speed);
        cmd.Options.Add(config);
        cmd.Options.Add(outFile);
        cmd.Options.Add(dataDir);
        cmd.Options.Add(synthetic);
        cmd.Options.Add(sweep);
        cmd.Options.Add(parallel);
        cmd.Options.Add(keep);
        cmd.Options.Add(summary);
        cmd.SetAction((parse, ct) =>
        {
            var dir = parse.GetValue(recording)!;
            var swept = parse.GetValue(sweep) ?? [];
            if (swept.Length > 0 && SweepConflict(parse.GetValue(dataDir), parse.GetValue(summary)) is { } conflict)
            {
                Console.Error.WriteLine(conflict);
                return Task.FromResult(2);
            }
            if (parse.GetValue(synthetic) is { } size && Generate(dir, size) is { } problem)
            {
                Console.Error.WriteLine(problem);
                return Task.FromResult(2);
            }
            return swept.Length > 0
                ? ReplaySweepCommand.RunAsync(dir, parse.GetValue(speed)!, parse.GetValue(config), parse.GetValue(outFile), swept,
                    parse.GetValue(parallel) ?? SweepRequest.DefaultParallel, parse.GetValue(keep), Console.Out, Console.Error, ct)
                : RunAsync(dir, parse.GetValue(speed)!, parse.GetValue(config), parse.GetValue(outFile), parse.GetValue(dataDir), ct, parse.GetValue(summary));
        });
        return cmd;
    }

    private static string? SweepConflict(string? dataDir, string? summary) =>
        dataDir is not null ? "--sweep runs each combination on its own fresh journal: --data-dir does not apply (use --keep to keep them)"
        : summary is not null ? "--summary is one replay's; a sweep writes its table with --out"
        : null;

    /// <summary>Writes a generated recording; the reason when it cannot.</summary>
    private static string? Generate(string directory, string size)
    {
        var parts = size.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var markets) || !int.TryParse(parts[1], out var minutes))
            return $"--synthetic must be MARKETS:MINUTES, got '{size}'";
        if (Directory.Exists(directory)) return $"--synthetic writes a new recording: {directory} exists already";
        try
        {
            var written = KalshiArb.Recording.Synthetic.SyntheticRecording.Write(directory,
                new KalshiArb.Recording.Synthetic.SyntheticRecordingOptions { Markets = markets, Minutes = minutes, CatalogMarkers = true });
            Console.Out.WriteLine($"generated {written.Records:N0} records ({written.RawBytes:N0} bytes raw, {written.BytesOnDisk:N0} on disk) in {directory}");
            return null;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return $"--synthetic: {ex.Message}";
        }
    }

    /// <summary>--speed as real time (1) or not (max); null when it is neither.</summary>
    public static bool? RealTime(string speed) => speed switch
    {
        "max" => false,
        "1" => true,
        _ => null,
    };

    public static async Task<int> RunAsync(string recording, string speed, string? config, string? outFile, string? dataDir, CancellationToken ct,
        string? summaryFile = null)
    {
        var realTime = RealTime(speed);
        if (realTime is null)
        {
            Console.Error.WriteLine($"--speed must be max or 1, got '{speed}'");
            return 2;
        }
        var journal = dataDir ?? Path.Combine(Path.GetTempPath(), $"kalshiarb-replay-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..48]);
        if (Directory.Exists(journal) && Directory.EnumerateFileSystemEntries(journal).Any())
        {
            Console.Error.WriteLine($"--data-dir {journal} is not empty: a replay needs a fresh journal");
            return 2;
        }
        var settings = new NodeSettings { Mode = TradingMode.Paper, DataDirectory = journal };
        var log = NodeHostFactory.CreateLogger(settings, new OperatorConsole());
        try
        {
            // As `run` does: a typo in --config or a value out of range is one line and exit 2, not a replay of the defaults.
            var problems = StartupCheck.Run(settings with { ConfigOverlayPath = config }, Environment.GetEnvironmentVariable, externalExchange: false);
            if (problems.Count > 0)
            {
                foreach (var problem in problems) log.Error("cannot start: {Problem}", problem.ToString());
                return 2;
            }
            var report = await ReplayRun.RunAsync(new ReplayRequest(recording, journal, config) { Options = new ReplayOptions { RealTime = realTime.Value } }, log, ct);
            var text = report.ToText();
            Console.Out.Write(text);
            Console.Out.WriteLine(report.Speed);
            Console.Out.WriteLine($"journal: {journal} (kalshiarb audit --data-dir {journal})");
            if (outFile is not null) await File.WriteAllTextAsync(outFile, text, ct);
            if (summaryFile is not null) await File.WriteAllTextAsync(summaryFile, ReplaySummary.From(report).ToJson(), ct);
            return 0;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidDataException or TimeoutException or ArgumentException
                                       or Akka.Configuration.ConfigurationException or FileNotFoundException)
        {
            log.Error("replay failed: {Reason}", ex.Message);
            return 2;
        }
        finally
        {
            (log as IDisposable)?.Dispose();
        }
    }
}
