using KalshiArb.Domain.Orders.Lifecycle;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Load harness for target (a): signal → venue call p99 ≤ 10 ms at 100 signals/s, and a burst of 50 simultaneous
/// signals all at the venue within 50 ms. Runs the production path (<see cref="BenchOrderPath"/>: admission, the
/// "order" shard region, OrderActors, the open-order watch, the RiskGate singleton) on the shipped config against
/// the journal chosen by <c>--store</c>, with <see cref="BenchmarkInstantVenue"/> as the venue. Latency runs from just
/// before the TradeSignal is told to the admission (the signal is decided then: its horizon starts at the send) to the
/// moment the venue's SubmitAsync is entered. Phases: warm-up (discarded), steady at the rate, burst all at once. Every
/// signal is for its own ticker, so one-order-in-flight-per-market never denies one. The last line is the verdict.
/// </summary>
public static class SubmitHarness
{
    private const int WarmUpCount = 300;
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QuietWait = TimeSpan.FromSeconds(4);

    public static async Task Run(BenchOptions options)
    {
        var steadyCount = options.Number(0, 3_000);
        var rate = options.Number(1, 100);
        var burstCount = options.Number(2, 50);
        var overlay = options.Overlay(3);
        // the recovery read, then the gate's write and the order's (overlapping with reserve-ahead, else one after the other)
        var roundTrips = options.RoundTrips ?? (options.ReserveAhead ? 2 : 3);

        Console.WriteLine($"submit harness, target (a): warm-up {WarmUpCount}, steady {steadyCount} signals at {rate}/s, burst {burstCount} at once; store {options.Store}");
        // The verdict is printed last, after the system stopped (its shutdown logs) and the store was removed.
        string verdict;
        using (var store = BenchStore.Create(options))
        {
            Console.WriteLine($"  store: {store.Description}");
            Console.WriteLine($"  at start: {MachineLoad.Describe()}");
            Console.WriteLine("  " + store.CommitProbe(200));
            BenchOrderPath.PrintConfig(overlay);

            var venue = new BenchmarkInstantVenue();
            // Orders rest in the benchmark venue; keep them from being canceled mid-run.
            var orderSettings = new OrderActorSettings
            {
                Policy = new OrderPolicy { CancelAfter = TimeSpan.FromHours(1) },
                ReserveAhead = options.ReserveAhead,
            };
            var path = await BenchOrderPath.StartAsync("bench-submit", BenchOrderPath.BuildConfig(store, overlay), venue, orderSettings,
                BenchOrderPath.GenerousGate());
            try
            {
                var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

                // Warm-up: JIT, table creation, the singleton and shards starting. Not counted.
                var warm = await Phase("warm-up", "WARM", WarmUpCount, rate, path, venue, sent);
                Console.WriteLine($"  warm-up   {warm.Summary}  (discarded)");

                using var steadyGc = GcWindow.Start();
                var steady = await Phase("steady", "STEADY", steadyCount, rate, path, venue, sent);
                Console.WriteLine($"  steady    {steady.Summary}");
                Console.WriteLine($"            {steadyGc.Describe()}");
                Console.WriteLine($"            {steadyGc.DescribePer(steadyCount, "order")} (signal → venue call; the orders rest)");
                foreach (var line in steadyGc.Pauses()) Console.WriteLine($"              {line}");
                Console.WriteLine($"            sent at {steady.AchievedRate:F0}/s (target {rate}/s); {steady.NotReachedLine}");
                await JournalStageBreakdown.PrintAsync(path.System, steady.ExecutionIds, sent, venue.SubmittedAt, roundTrips, options.ReserveAhead);

                using var burstGc = GcWindow.Start();
                var burst = await Phase("burst", "BURST", burstCount, 0, path, venue, sent);
                Console.WriteLine($"  burst     {burst.Summary}");
                Console.WriteLine($"            {burstGc.Describe()}");
                Console.WriteLine($"            all sent at once ({burst.SendMs:F2} ms to send), first send → last venue call {burst.SpanMs:F2} ms; {burst.NotReachedLine}");
                await JournalStageBreakdown.PrintAsync(path.System, burst.ExecutionIds, sent, venue.SubmittedAt, roundTrips, options.ReserveAhead);

                var risk = await path.RiskStateAsync();
                var denials = risk.DenialCounts.Values.Sum();
                Console.WriteLine($"  risk denials: {denials}{(denials == 0 ? "" : " (" + string.Join(", ", risk.DenialCounts.Select(kv => $"{kv.Key}={kv.Value}")) + ")")}; "
                                  + $"open reservations at the gate {risk.Reservations.Count}; gate journal seq {risk.SequenceNr}");
                var admitted = await path.AdmissionStatusAsync();
                Console.WriteLine($"  admission: admitted {admitted.Admitted}, placed {admitted.Placed}, refused {BenchOrderPath.Counts(admitted.RefusedByReason)}, not placed {BenchOrderPath.Counts(admitted.NotPlacedByReason)}");
                var desk = await path.DeskStatusAsync();
                Console.WriteLine($"  desk: {desk.TrackedCount} orders open (resting at the venue), ended {BenchOrderPath.Counts(desk.Ended)}; venue calls {venue.SubmitCount}");
                Console.WriteLine($"  at end: {MachineLoad.Describe()}");

                // Steady: p99 within 10 ms, every order at the venue (none expired, denied or refused), and really at the rate.
                var atRate = steady.AchievedRate >= 0.95 * rate;
                var steadyOk = steady.Summary.P99Ms <= 10.0 && steady.NotReached == 0 && steady.Accounted == 0 && atRate;
                var burstOk = burst.Summary.MaxMs <= 50.0 && burst.NotReached == 0;
                verdict = $"target (a): {(steadyOk && burstOk ? "MET" : "NOT MET")} on {options.Store}: "
                          + $"steady p99 {steady.Summary.P99Ms:F2} ms at {steady.AchievedRate:F0}/s (<= 10 ms at {rate}/s, {steady.NotReached} of {steady.Count} not at the venue) {(steadyOk ? "ok" : "FAILED")}; "
                          + $"burst of {burst.Count} max {burst.Summary.MaxMs:F2} ms (<= 50 ms, {burst.NotReached} not at the venue) {(burstOk ? "ok" : "FAILED")}";
            }
            finally
            {
                await path.System.Terminate();
            }
        }
        Console.WriteLine(verdict);
    }

    private sealed record PhaseResult(
        LatencySummary Summary,
        int Count,
        double AchievedRate,
        double SendMs,
        double SpanMs,
        int NotReached,
        IReadOnlyDictionary<string, long> Ended,
        IReadOnlyDictionary<string, long> Refused,
        IReadOnlyList<string> ExecutionIds)
    {
        /// <summary>Orders of this phase that ended or were refused without reaching the venue (as far as the desk and admission say).</summary>
        public long Accounted => Ended.Values.Sum() + Refused.Values.Sum();

        public string NotReachedLine => NotReached == 0
            ? "all reached the venue"
            : $"{NotReached} did not reach the venue: ended {BenchOrderPath.Counts(Ended)}; refused at admission {BenchOrderPath.Counts(Refused)}; "
              + $"still working {Math.Max(0, NotReached - Accounted)}";
    }

    /// <summary>
    /// Sends <paramref name="count"/> signals (at <paramref name="ratePerSecond"/>, or all at once when 0) and waits until
    /// each reached the venue or ended without (desk, admission), or 30 s passed. What ended or was refused is the change
    /// in the desk's and admission's counts over the phase.
    /// </summary>
    private static async Task<PhaseResult> Phase(string name, string tickerPrefix, int count, int ratePerSecond,
        BenchOrderPath path, BenchmarkInstantVenue venue, ConcurrentDictionary<string, long> sent)
    {
        var runId = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var tickers = Enumerable.Range(0, count).Select(i => $"KXBENCH-{tickerPrefix}{runId}-{i:D5}").ToArray();
        var ids = tickers.Select(t => ExecutionIds.FromSignal(SignalIdOf(t))).ToArray();
        var endedBefore = (await path.DeskStatusAsync()).Ended;
        var refusedBefore = Refusals(await path.AdmissionStatusAsync());

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
            path.Admission.Tell(Signal(tickers[i]), ActorRefs.NoSender);
        }
        var sendElapsed = Stopwatch.GetElapsedTime(start);

        // Wait quietly past the signals' horizon (3 s) first: polling the desk lists every open order, which would load the
        // cores while the last orders are on their way. Then account for the rest (ended or refused) or give up at 30 s.
        var waitStart = Stopwatch.GetTimestamp();
        await Task.Run(() => remaining.Wait(QuietWait));
        IReadOnlyDictionary<string, long> ended, refused;
        while (true)
        {
            ended = Delta((await path.DeskStatusAsync()).Ended, endedBefore);
            refused = Delta(Refusals(await path.AdmissionStatusAsync()), refusedBefore);
            if (remaining.CurrentCount <= ended.Values.Sum() + refused.Values.Sum()) break;
            if (Stopwatch.GetElapsedTime(waitStart) > PhaseTimeout)
            {
                Console.WriteLine($"  {name}: {remaining.CurrentCount} orders neither reached the venue nor ended within {PhaseTimeout.TotalSeconds:0} s");
                break;
            }
            await Task.Delay(100);
        }
        venue.Submitted -= OnSubmitted;

        var latencies = new List<long>(count);
        long lastVenue = 0;
        foreach (var id in ids)
        {
            if (!venue.SubmittedAt.TryGetValue(id, out var at)) continue;
            latencies.Add(at - sent[id]);
            lastVenue = Math.Max(lastVenue, at);
        }
        var spanMs = lastVenue == 0 ? double.NaN : (lastVenue - sent[ids[0]]) * 1000.0 / Stopwatch.Frequency;
        return new PhaseResult(LatencySummary.From(latencies), count, count / Math.Max(sendElapsed.TotalSeconds, 1e-6),
            sendElapsed.TotalMilliseconds, spanMs, count - latencies.Count, ended, refused, ids);
    }

    private static Dictionary<string, long> Refusals(AdmissionStatus s)
    {
        var all = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var kv in s.RefusedByReason) all[kv.Key] = kv.Value;
        foreach (var kv in s.NotPlacedByReason) all["not placed: " + kv.Key] = kv.Value;
        return all;
    }

    private static Dictionary<string, long> Delta(IReadOnlyDictionary<string, long> now, IReadOnlyDictionary<string, long> before) =>
        now.Select(kv => (kv.Key, Value: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(x => x.Value != 0).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);

    private static string SignalIdOf(string ticker) => "bench:" + ticker;

    private static TradeSignal Signal(string ticker) => new(
        SignalIdOf(ticker), ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(1),
        FairProbability: 0.55, EdgePerContract: 0.03, Confidence: 1.0, Reason: "benchmark",
        CreatedAtMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
}
