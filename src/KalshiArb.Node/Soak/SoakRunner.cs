using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KalshiArb.Node.Audit;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Soak;

/// <summary>
/// One soak: the simulator and a node as children on loopback, the seeded faults, a graceful stop, then the journal
/// (audited) held against the venue. Every child is killed on every way out; the temp dir goes unless kept.
/// </summary>
public static class SoakRunner
{
    public static async Task<SoakSummary> RunAsync(SoakOptions options, TextWriter log, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.HardLimit);
        var token = deadline.Token;
        var root = Directory.CreateTempSubdirectory("kalshiarb-soak-").FullName;
        var launcher = options.Launcher ?? SoakLauncher.Current();
        using var supervisor = new ProcessSupervisor();
        try
        {
            var plan = FaultSchedule.Plan(options.Seed, options.Duration);
            await log.WriteLineAsync($"soak: seed {options.Seed}, {options.Duration:hh\\:mm\\:ss}, {plan.Count} faults planned, files in {root}");
            using var simulator = await SimulatorProcess.StartAsync(supervisor, launcher, options.Seed, root, options.StartBound, token);
            await log.WriteLineAsync($"soak: simulator at {simulator.Endpoints.Rest} (pid {simulator.Child.Pid})");

            var dataDir = Path.Combine(root, "node-1");
            var environment = new Dictionary<string, string>(simulator.Endpoints.NodeEnvironment(), StringComparer.Ordinal)
            {
                ["KA_LOG_DIR"] = Path.Combine(root, "logs"),
            };
            using var node = new NodeProcess("node-1", supervisor, launcher, dataDir, FreeLoopbackPort(), environment, Path.Combine(root, "node-1.log"));
            node.Start();
            var injector = new FaultInjector(simulator, node, options, log);
            if (await injector.WaitAsync(NodeHealth.IsHealthy, options.StartBound, token) is null)
                throw new TimeoutException($"the node was not healthy within {options.StartBound.TotalSeconds:F0} s of its start (see {root}/node-1.log)");
            await log.WriteLineAsync($"soak: {node.Name} healthy (pid {node.Pid}, admin port {node.AdminPort}), trading");

            var started = Stopwatch.GetTimestamp();
            var outcomes = new List<FaultOutcome>();
            foreach (var fault in plan)
            {
                var wait = fault.At - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, token);
                if (Stopwatch.GetElapsedTime(started) >= options.Duration) break;
                outcomes.Add(await injector.ApplyAsync(fault, Stopwatch.GetElapsedTime(started), token));
            }
            var rest = options.Duration - Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero) await Task.Delay(rest, token);

            await simulator.ClearFaultsAsync(token);
            await log.WriteLineAsync("soak: duration reached, stopping the node (orders drain)");
            if (!await node.StopAsync(options.DrainBound, token))
                await log.WriteLineAsync($"soak: the node did not stop within {options.DrainBound.TotalSeconds:F0} s of SIGTERM and was killed");

            var venue = await VenueReader.ReadAsync(simulator.Endpoints, token);
            var audit = await AuditJournalAsync(new NodeSettings { DataDirectory = dataDir, LogDirectory = Path.Combine(root, "logs") }, token);
            var journal = audit.Orders.Select(JournaledExecution.From).ToArray();
            var comparison = VenueComparison.Compare(journal, venue);
            return new SoakSummary(options.Seed, options.Duration, 1, journal.Length, venue.Orders.Count,
                journal.Sum(j => j.FillsByTradeId.Count), venue.Fills.Count, SoakSummary.CountStates(journal), outcomes, audit.Summary, comparison);
        }
        finally
        {
            supervisor.KillAll();
            if (options.Keep) await log.WriteLineAsync($"soak: kept {root}");
            else TryDelete(root);
        }
    }

    /// <summary>The node's journal through the audit (same reader and rules as `kalshiarb audit --allow-open`).</summary>
    private static async Task<AuditRun> AuditJournalAsync(NodeSettings settings, CancellationToken ct)
    {
        var orders = await OrderJournalReader.ReadAsync(AkkaConfigComposer.Compose(settings), null, ct);
        return JournalAuditor.AuditAll(orders, requireTerminal: false);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A child that just died may still hold a file for a moment; a leftover temp dir is not worth failing for.
            Console.Error.WriteLine($"soak: could not delete {directory}: {ex.Message}");
        }
    }
}
