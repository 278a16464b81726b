using System.CommandLine;
using KalshiArb.Adapters.Recording.Data;
using KalshiArb.Node.Hosting;
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
        var cmd = new Command("replay", "Replay a recording through the trading actors (paper venue, fresh journal) and report signals, orders, fills and P&L");
        cmd.Options.Add(recording);
        cmd.Options.Add(speed);
        cmd.Options.Add(config);
        cmd.Options.Add(outFile);
        cmd.Options.Add(dataDir);
        cmd.Options.Add(synthetic);
        cmd.SetAction((parse, ct) =>
        {
            var dir = parse.GetValue(recording)!;
            if (parse.GetValue(synthetic) is { } size && Generate(dir, size) is { } problem)
            {
                Console.Error.WriteLine(problem);
                return Task.FromResult(2);
            }
            return RunAsync(dir, parse.GetValue(speed)!, parse.GetValue(config), parse.GetValue(outFile), parse.GetValue(dataDir), ct);
        });
        return cmd;
    }

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

    public static async Task<int> RunAsync(string recording, string speed, string? config, string? outFile, string? dataDir, CancellationToken ct)
    {
        var realTime = speed switch
        {
            "max" => false,
            "1" => true,
            _ => (bool?)null,
        };
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
            var report = await ReplayRun.RunAsync(new ReplayRequest(recording, journal, config) { Options = new ReplayOptions { RealTime = realTime.Value } }, log, ct);
            var text = report.ToText();
            Console.Out.Write(text);
            Console.Out.WriteLine(report.Speed);
            Console.Out.WriteLine($"journal: {journal} (kalshiarb audit --data-dir {journal})");
            if (outFile is not null) await File.WriteAllTextAsync(outFile, text, ct);
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
