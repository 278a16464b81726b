using System.Globalization;
using KalshiArb.Node.Hosting;
using KalshiArb.Node.Replay;
using KalshiArb.Recording.Synthetic;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Issue #14's replay-speed target: a generated recording (catalog markers on, so odds match as live) replayed at max
/// speed through the code of <c>kalshiarb replay</c> (<see cref="ReplayRun"/>: a paper-mode node on a fresh journal).
/// Messages per second are over the replay loop (the node's start and stop are printed apart). Deletes its temp folder.
/// </summary>
public static class ReplayHarness
{
    private const double TargetMessagesPerSecond = 100_000;
    private static readonly TimeSpan TargetWall = TimeSpan.FromSeconds(60);

    public static async Task Run(int markets, int minutes, bool allocationTypes = false)
    {
        Console.WriteLine($"replay harness: {markets} markets, {minutes} minutes, synthetic (seed 1, catalog markers); {MachineLoad.Describe()}");
        var root = Directory.CreateTempSubdirectory("ka-replay-bench-").FullName;
        try
        {
            var recording = Path.Combine(root, "recording");
            var generating = Stopwatch.StartNew();
            var written = SyntheticRecording.Write(recording, new SyntheticRecordingOptions { Markets = markets, Minutes = minutes, CatalogMarkers = true });
            Console.WriteLine($"generated {written.Records:N0} records ({written.BytesOnDisk / 1e6:N1} MB on disk) in {generating.Elapsed.TotalSeconds:F1} s");

            var settings = new NodeSettings { Mode = TradingMode.Paper, DataDirectory = Path.Combine(root, "journal") };
            var log = NodeHostFactory.CreateLogger(settings);
            ReplayReport report;
            using var sampler = allocationTypes ? new AllocationSampler() : null;
            sampler?.Begin();
            using var gc = GcWindow.Start();
            var total = Stopwatch.StartNew();
            try
            {
                // Bounded: ten times the target, so a stuck replay ends the harness instead of holding the machine.
                using var bound = new CancellationTokenSource(TargetWall * 10);
                report = await ReplayRun.RunAsync(new ReplayRequest(recording, settings.DataDirectory), log, bound.Token);
            }
            finally
            {
                (log as IDisposable)?.Dispose();
            }
            total.Stop();

            var wall = report.Wall;
            var rate = report.MessagesPerSecond;
            Console.WriteLine($"records replayed: {report.Progress.Records:N0} ({report.Progress.Frames:N0} frames, {report.Progress.OddsSnapshots:N0} odds snapshots), read {report.Progress.Status}");
            Console.WriteLine($"signals {report.SignalsDetected}, orders {report.Admission.Placed}, fills {report.Fills}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wall time: {wall.TotalSeconds:F2} s replaying, {total.Elapsed.TotalSeconds:F2} s with the node's start and stop"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"messages/s: {rate:N0}"));
            // the replay's run, its node's start and stop included: on 2 cores a collection stops the actors and the reader alike
            Console.WriteLine(gc.Describe());
            Console.WriteLine(gc.DescribePer(Math.Max(1, report.Progress.Records), "record"));
            foreach (var line in gc.Pauses()) Console.WriteLine($"  {line}");
            if (sampler is not null)
            {
                sampler.End();
                Console.WriteLine("allocation by type (sampled; bytes per record):");
                foreach (var line in sampler.Describe(Math.Max(1, report.Progress.Records), 25)) Console.WriteLine("  " + line);
            }
            Console.WriteLine($"load average after: {MachineLoad.Average()}");
            var met = rate >= TargetMessagesPerSecond && wall <= TargetWall;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target (replay): {(met ? "MET" : "NOT MET")} — {rate:N0} msg/s (≥ 100,000) in {wall.TotalSeconds:F1} s (≤ 60 s)"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { /* a temp folder */ }
        }
    }
}
