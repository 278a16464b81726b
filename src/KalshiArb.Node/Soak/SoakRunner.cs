using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KalshiArb.Actors.Persistence;
using KalshiArb.Node.Audit;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Soak;

/// <summary>
/// One soak: the simulator and one node (or three cluster nodes on a shared PostgreSQL journal) as children on
/// loopback, the seeded faults, a graceful stop, then the journal (audited) held against the venue. Every child is
/// killed on every way out; the temp dir (and the cluster's database) goes unless kept.
/// </summary>
public static class SoakRunner
{
    /// <summary>Roles of the three cluster nodes, as deploy/cluster.sh runs them: every role on two nodes.</summary>
    private static readonly string[] ClusterRoles = ["market,risk", "execution,risk", "market,execution"];

    public static async Task<SoakSummary> RunAsync(SoakOptions options, TextWriter log, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.HardLimit);
        var token = deadline.Token;
        var root = Directory.CreateTempSubdirectory("kalshiarb-soak-").FullName;
        var launcher = options.Launcher ?? SoakLauncher.Current();
        using var supervisor = new ProcessSupervisor();
        SoakDatabase? database = null;
        try
        {
            if (options.Cluster)
            {
                database = await SoakDatabase.CreateAsync(options.PostgresServer
                    ?? throw new InvalidOperationException("--cluster needs a PostgreSQL server: set KA_PG_CONNECTION or pass --pg"), token);
            }
            var plan = FaultSchedule.Plan(options.Seed, options.Duration, options.NodeCount);
            await log.WriteLineAsync($"soak: seed {options.Seed}, {options.Duration:hh\\:mm\\:ss}, {options.NodeCount} node(s), {plan.Count} faults planned, files in {root}" +
                                     (database is null ? "" : $", journal database {database.Name}"));
            using var simulator = await SimulatorProcess.StartAsync(supervisor, launcher, options.Seed, root, options.StartBound, token);
            await log.WriteLineAsync($"soak: simulator at {simulator.Endpoints.Rest} (pid {simulator.Child.Pid})");

            using var nodes = CreateNodes(options, supervisor, launcher, simulator, database, root);
            nodes.StartAll();
            JournalLock journal = database is null
                ? new SqliteJournalLock(Path.Combine(nodes[0].DataDirectory, "kalshiarb.db"))
                : new PostgresJournalLock(database.ConnectionString);
            var injector = new FaultInjector(simulator, nodes, journal, options, log);
            if (await injector.WaitAsync(NodeSet.AllHealthy, options.StartBound * (options.Cluster ? 2 : 1), token) is null)
                throw new TimeoutException($"the node(s) were not healthy within {options.StartBound.TotalSeconds:F0} s of their start (see the node logs in {root})");
            await log.WriteLineAsync($"soak: {string.Join(", ", nodes.Nodes.Select(n => $"{n.Name} (pid {n.Pid}, admin port {n.AdminPort})"))} healthy, trading");

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
            await log.WriteLineAsync("soak: duration reached, stopping the node(s) (orders drain)");
            if (!await nodes.StopAllAsync(options.DrainBound, token))
                await log.WriteLineAsync($"soak: a node did not stop within {options.DrainBound.TotalSeconds:F0} s of SIGTERM and was killed");

            var venue = await VenueReader.ReadAsync(simulator.Endpoints, token);
            var settings = database is null
                ? new NodeSettings { DataDirectory = nodes[0].DataDirectory }
                : new NodeSettings { DataDirectory = nodes[0].DataDirectory, Store = PersistenceStore.PostgreSql, ConnectionString = database.ConnectionString };
            var audit = await AuditJournalAsync(settings with { LogDirectory = Path.Combine(root, "logs") }, token);
            var journalOrders = audit.Orders.Select(JournaledExecution.From).ToArray();
            var comparison = VenueComparison.Compare(journalOrders, venue);
            return new SoakSummary(options.Seed, options.Duration, options.NodeCount, journalOrders.Length, venue.Orders.Count,
                journalOrders.Sum(j => j.FillsByTradeId.Count), venue.Fills.Count, SoakSummary.CountStates(journalOrders), outcomes, audit.Summary, comparison);
        }
        finally
        {
            supervisor.KillAll();
            if (options.Keep)
            {
                await log.WriteLineAsync($"soak: kept {root}{(database is null ? "" : $" and database {database.Name}")}");
            }
            else
            {
                TryDelete(root);
                if (database is not null) await TryDropAsync(database);
            }
        }
    }

    private static NodeSet CreateNodes(SoakOptions options, ProcessSupervisor supervisor, SoakLauncher launcher, SimulatorProcess simulator,
        SoakDatabase? database, string root)
    {
        var remotingPorts = Enumerable.Range(0, options.NodeCount).Select(_ => FreeLoopbackPort()).ToArray();
        // Every node lists all three as seeds: a restarted first seed then joins the others instead of forming a cluster alone.
        var seeds = string.Join(',', remotingPorts.Select(p => $"akka.tcp://kalshiarb@127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}"));
        var nodes = new List<NodeProcess>();
        for (var i = 0; i < options.NodeCount; i++)
        {
            var name = $"node-{i + 1}";
            var environment = new Dictionary<string, string>(simulator.Endpoints.NodeEnvironment(), StringComparer.Ordinal)
            {
                ["KA_LOG_DIR"] = Path.Combine(root, "logs", name),
            };
            if (database is not null)
            {
                environment["KA_PERSISTENCE"] = "postgres";
                environment["KA_CONNECTION_STRING"] = database.ConnectionString;
                environment["KA_ROLES"] = ClusterRoles[i];
                environment["KA_HOSTNAME"] = "127.0.0.1";
                environment["KA_PORT"] = remotingPorts[i].ToString(CultureInfo.InvariantCulture);
                environment["KA_SEED_NODES"] = seeds;
            }
            nodes.Add(new NodeProcess(name, supervisor, launcher, Path.Combine(root, name), FreeLoopbackPort(), environment, Path.Combine(root, name + ".log")));
        }
        return new NodeSet(nodes);
    }

    /// <summary>The journal through the audit (same reader and rules as `kalshiarb audit --allow-open`).</summary>
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

    private static async Task TryDropAsync(SoakDatabase database)
    {
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await database.DropAsync(bound.Token);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or OperationCanceledException)
        {
            Console.Error.WriteLine($"soak: could not drop database {database.Name}: {ex.Message}");
        }
    }
}
