using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using KalshiArb.Actors;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Serialization;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Risk;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Load harness for target (a): signal → venue call (risk approved and SubmitRequested persisted) p99 ≤ 10 ms. Runs
/// the production path in a one-member cluster on the shipped persistence config (SQLite file in WAL mode, our
/// serializer): the order admission, the "order" shard region with remembered entities, OrderActors, the RiskGate
/// singleton, against <see cref="BenchmarkInstantVenue"/>. Latency runs from just before the TradeSignal is told to
/// the admission to the moment the venue's SubmitAsync is entered; on the way: the shard's remembered-entity write,
/// OrderCreated persist overlapping the Reserve ask + gate persist, then RiskApproved and SubmitRequested in one write
/// (so the breakdown's RiskApproved→SubmitRequested stage reads 0). Every signal is for its own ticker, so
/// one-order-in-flight-per-market never denies one.
/// </summary>
public static class SubmitHarness
{
    /// <param name="overlay">
    /// HOCON placed above the shipped config for a diagnostic variant (e.g. journal parallelism); empty = the real config.
    /// </param>
    public static async Task Run(int steadyCount, int ratePerSecond, int burstCount, string overlay = "")
    {
        var dir = Path.Combine(Path.GetTempPath(), "kalshiarb-bench-" + Guid.NewGuid().ToString("N"));
        var connectionString = $"Data Source={Path.Combine(dir, "journal.db")}";
        var journalMode = SqliteJournalFile.Prepare(connectionString);
        Console.WriteLine($"submit harness: SQLite journal {connectionString} (journal_mode={journalMode}); {MachineLoad.Describe()}");

        var probe = SqliteCommitProbe.Run(dir, 200);
        Console.WriteLine($"  raw SQLite single-row commit on this disk (floor per journal write): {probe}");
        if (overlay.Length > 0) Console.WriteLine($"  DIAGNOSTIC VARIANT, config overlay: {overlay}");
        else Console.WriteLine("  config: the shipped one (serialization + persistence-sqlite.conf + base.conf), no overlay");

        Console.WriteLine("  order path: admission -> order shard region (remembered entities) -> OrderActor, RiskGate singleton; one-member cluster");
        var config = ConfigurationFactory.ParseString(overlay)
            .WithFallback(ClusterConfig.OneMember(ClusterRoles.Market, ClusterRoles.Execution, ClusterRoles.Risk))
            .WithFallback(SerializationConfig.Create())
            .WithFallback(PersistenceConfig.Create(PersistenceStore.Sqlite, connectionString))
            .WithFallback(HoconFiles.Load("base.conf"));
        var system = ActorSystem.Create("bench-submit", config);
        try
        {
            await BenchCluster.JoinAsync(system);
            var venue = new BenchmarkInstantVenue();
            var gate = ClusterSingleton.Start(system, "risk-gate",
                RiskGateSupervisor.Props(new RiskGateSettings(GenerousLimits()) { InitialBalance = Money.FromDollars(10_000_000) }), ClusterRoles.Risk);
            // Orders rest in the benchmark venue; keep them from being canceled mid-run.
            var orderSettings = new OrderActorSettings { Policy = new OrderPolicy { CancelAfter = TimeSpan.FromHours(1) } };
            var desk = system.ActorSelection("/user/orders");
            var region = await ShardRegions.StartOrdersAsync(system, id => OrderActor.Props(id, gate, venue, orderSettings, desk), 32);
            var deskRef = system.ActorOf(OrderDesk.Props(gate, venue, region), "orders");
            var admission = system.ActorOf(OrderAdmission.Props(region, gate,
                new OrderAdmissionSettings { MaxSignalAge = orderSettings.Policy.MaxSignalAge }), "order-admission");
            var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

            // Warm-up: JIT, SQLite table creation, the singleton and shards starting. Not counted.
            var warm = await Phase("warm-up", "WARM", 300, ratePerSecond, admission, venue, sent);
            Console.WriteLine($"  warm-up   {warm.Summary}  (discarded)");

            var steady = await Phase("steady", "STEADY", steadyCount, ratePerSecond, admission, venue, sent);
            Console.WriteLine($"  steady    {steady.Summary}  sent at {steady.AchievedRate:F0}/s (target {ratePerSecond}/s), not submitted {steady.Missing}");
            JournalStageBreakdown.Print(connectionString, steady.ExecutionIds, sent, venue.SubmittedAt, ToUtcTicks);

            var burst = await Phase("burst", "BURST", burstCount, 0, admission, venue, sent);
            Console.WriteLine($"  burst     {burst.Summary}  all sent at once ({burst.AchievedRate:F0}/s), not submitted {burst.Missing}");
            JournalStageBreakdown.Print(connectionString, burst.ExecutionIds, sent, venue.SubmittedAt, ToUtcTicks);

            var risk = await gate.Ask<RiskStateView>(GetRiskState.Instance, TimeSpan.FromSeconds(10));
            var denials = risk.DenialCounts.Values.Sum();
            Console.WriteLine($"  risk denials: {denials} {(denials == 0 ? "" : string.Join(", ", risk.DenialCounts.Select(kv => $"{kv.Key}={kv.Value}")))}");
            var admitted = await admission.Ask<AdmissionStatus>(GetAdmissionStatus.Instance, TimeSpan.FromSeconds(10));
            var notPlaced = admitted.NotPlacedByReason.Values.Sum() + admitted.RefusedByReason.Values.Sum();
            Console.WriteLine($"  signals admitted {admitted.Admitted}, refused or not placed {notPlaced}; open reservations at the gate: {risk.Reservations.Count}; gate journal seq {risk.SequenceNr}");
            var ended = (await deskRef.Ask<ExecutionStatus>(GetExecutionStatus.Instance, TimeSpan.FromSeconds(10))).Ended;
            if (ended.Count > 0) Console.WriteLine("  orders ended: " + string.Join(", ", ended.Select(kv => $"{kv.Key} {kv.Value}")));
            Console.WriteLine($"  at end: {MachineLoad.Describe()}");
            var pass = denials == 0 && steady.Missing == 0 && steady.Summary.P99Ms <= 10.0;
            Console.WriteLine($"  target (a) steady p99 <= 10 ms, 0 denials: {(pass ? "MET" : "NOT MET")}");
        }
        finally
        {
            await system.Terminate();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static RiskLimits GenerousLimits() => new()
    {
        MaxContractsPerMarket = Quantity.FromContracts(1_000),
        MaxExposurePerMarket = Money.FromDollars(1_000_000),
        MaxTotalExposure = Money.FromDollars(1_000_000),
        MaxOpenMarkets = 1_000_000,
        DailyLossLimit = Money.FromDollars(1_000_000),
        LossStreakLimit = 1_000,
        LossStreakCooldown = TimeSpan.FromMinutes(1),
        MaxOrdersPerMinute = 1_000_000,
    };

    private sealed record PhaseResult(LatencySummary Summary, double AchievedRate, int Missing, IReadOnlyList<string> ExecutionIds);

    // One fixed pairing of the two clocks, so Stopwatch stamps can be compared with the journal's wall-clock stamps.
    private static readonly long ClockBaseUtcTicks = DateTime.UtcNow.Ticks;
    private static readonly long ClockBaseStopwatch = Stopwatch.GetTimestamp();

    private static long ToUtcTicks(long stopwatch) =>
        ClockBaseUtcTicks + (long)((stopwatch - ClockBaseStopwatch) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    /// <summary>
    /// Sends <paramref name="count"/> signals (at <paramref name="ratePerSecond"/>, or all at once when 0) and waits
    /// until each reached the venue or 30 s passed.
    /// </summary>
    private static async Task<PhaseResult> Phase(string name, string tickerPrefix, int count, int ratePerSecond,
        IActorRef admission, BenchmarkInstantVenue venue, ConcurrentDictionary<string, long> sent)
    {
        var runId = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var tickers = Enumerable.Range(0, count).Select(i => $"KXBENCH-{tickerPrefix}{runId}-{i:D5}").ToArray();
        var ids = tickers.Select(t => ExecutionIds.FromSignal(SignalIdOf(t))).ToArray();
        var remaining = new CountdownEvent(count);
        var idSet = new HashSet<string>(ids, StringComparer.Ordinal);
        void OnSubmitted(string id, long _)
        {
            if (idSet.Contains(id)) remaining.Signal();
        }
        venue.Submitted += OnSubmitted;

        var interval = ratePerSecond > 0 ? Stopwatch.Frequency / ratePerSecond : 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (interval > 0)
            {
                var due = start + i * interval;
                var waitMs = (due - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
                if (waitMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(waitMs));
            }
            sent[ids[i]] = Stopwatch.GetTimestamp();
            // Decided now, as a MarketActor would: its horizon starts at the send.
            admission.Tell(Signal(tickers[i]), ActorRefs.NoSender);
        }
        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var done = await Task.Run(() => remaining.Wait(TimeSpan.FromSeconds(30)));
        venue.Submitted -= OnSubmitted;
        if (!done) Console.WriteLine($"  {name}: {remaining.CurrentCount} orders did not reach the venue within 30 s");

        var latencies = new List<long>(count);
        foreach (var id in ids)
            if (venue.SubmittedAt.TryGetValue(id, out var at)) latencies.Add(at - sent[id]);
        return new PhaseResult(LatencySummary.From(latencies), count / Math.Max(sendSeconds, 1e-6), count - latencies.Count, ids);
    }

    private static string SignalIdOf(string ticker) => "bench:" + ticker;

    private static TradeSignal Signal(string ticker) => new(
        SignalIdOf(ticker), ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(1),
        FairProbability: 0.55, EdgePerContract: 0.03, Confidence: 1.0, Reason: "benchmark",
        CreatedAtMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
}
