using KalshiArb.Domain.Orders.Lifecycle;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Recovery after kill -9: a child process runs the production order path, places N orders that rest at the venue,
/// says READY and is killed (SIGKILL: no drain, no hand-off). This process then starts the same path on the same
/// journal with nothing sent to any order, and measures how long until every one of the N is back (the open-order
/// watch woke it from the journal's open-order table, it recovered and told the desk) and reconciled
/// (it asked the venue).
/// </summary>
public static class RecoveryHarness
{
    private static readonly OrderActorSettings Orders = new() { Policy = new OrderPolicy { CancelAfter = TimeSpan.FromHours(1) } };

    public static async Task Run(BenchOptions options)
    {
        var count = options.Number(0, 500);
        using var store = BenchStore.Create(options);
        Console.WriteLine($"recovery harness: {count} unfinished orders, kill -9, restart; store {store.Kind}");
        Console.WriteLine($"  at start: {MachineLoad.Describe()}");
        Console.WriteLine($"  {store.Description}");

        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!,
            [typeof(RecoveryHarness).Assembly.Location, "recovery-child", store.Kind.ToString(), store.ConnectionString, count.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("READY", StringComparison.Ordinal))
            if (line.StartsWith("  ", StringComparison.Ordinal)) Console.WriteLine("  child:" + line);
        if (line is null) throw new InvalidOperationException("the child process ended before its orders were resting: " + await child.StandardError.ReadToEndAsync());
        count = int.Parse(line.Split(' ')[1]);
        Console.WriteLine($"  child {child.Id}: {count} orders resting; killing it with SIGKILL");
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();

        var venue = new BenchmarkRestingVenue();
        var started = Stopwatch.StartNew();
        var path = await BenchOrderPath.StartAsync("bench-recovery", BenchOrderPath.BuildConfig(store, ""), venue, Orders, BenchOrderPath.GenerousGate());
        try
        {
            var up = started.Elapsed;
            TimeSpan? allBack = null, allReconciled = null;
            var deadline = TimeSpan.FromMinutes(3);
            while (started.Elapsed < deadline && (allBack is null || allReconciled is null))
            {
                var open = (await path.DeskStatusAsync()).Open.Count;
                if (allBack is null && open >= count) allBack = started.Elapsed;
                if (allReconciled is null && venue.LookedUp >= count) allReconciled = started.Elapsed;
                await Task.Delay(50);
            }
            var desk = await path.DeskStatusAsync();
            Console.WriteLine($"  node up (cluster member, regions and gate started) {up.TotalSeconds:F2} s after the restart began");
            Console.WriteLine($"  back (recovered, told the desk): {desk.Open.Count} of {count}" + (allBack is { } b ? $", all after {b.TotalSeconds:F2} s" : " within 3 min: NOT ALL"));
            Console.WriteLine($"  reconciled (asked the venue):    {venue.LookedUp} of {count}" + (allReconciled is { } r ? $", all after {r.TotalSeconds:F2} s" : " within 3 min: NOT ALL"));
            Console.WriteLine($"  submits after the restart: {venue.Submits} (must be 0: every order was already at the venue)");
            Console.WriteLine($"  at end: {MachineLoad.Describe()}");
            var ok = allBack is not null && allReconciled is not null && venue.Submits == 0;
            Console.WriteLine($"recovery: {(ok ? $"all {count} back and reconciled in {Math.Max(allBack!.Value.TotalSeconds, allReconciled!.Value.TotalSeconds):F2} s" : "NOT ALL BACK")}");
        }
        finally
        {
            await path.System.Terminate();
        }
    }

    /// <summary>The process that is killed: places the orders, waits until they all rest, says READY, waits.</summary>
    public static async Task RunChild(string storeKind, string connectionString, int count)
    {
        var store = BenchStore.Existing(Enum.Parse<BenchStoreKind>(storeKind), connectionString);
        var venue = new BenchmarkRestingVenue();
        var path = await BenchOrderPath.StartAsync("bench-recovery-child", BenchOrderPath.BuildConfig(store, ""), venue, Orders, BenchOrderPath.GenerousGate());
        await path.RiskStateAsync(); // the gate singleton is up before the first signal
        var runId = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        for (var i = 0; i < count; i++)
        {
            var ticker = $"KXBENCH-RC{runId}-{i:D5}";
            path.Admission.Tell(new TradeSignal("bench-rc:" + ticker, ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(1),
                0.55, 0.03, 1.0, "benchmark", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ActorRefs.NoSender);
            if (i % 50 == 49) await Task.Delay(20); // a steady trickle, within the horizon
        }
        var sw = Stopwatch.StartNew();
        ExecutionStatus desk;
        while ((desk = await path.DeskStatusAsync()).Open.Count(n => n.State == ExecutionOrderState.Resting) + desk.Ended.Values.Sum() < count)
        {
            if (sw.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("the orders did not all rest or end within 2 min");
            await Task.Delay(50);
        }
        var resting = desk.Open.Count(n => n.State == ExecutionOrderState.Resting);
        Console.WriteLine($"  {resting} resting, ended otherwise: {BenchOrderPath.Counts(desk.Ended)}");
        Console.WriteLine($"READY {resting}");
        await Task.Delay(Timeout.Infinite);
    }
}
