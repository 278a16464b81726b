using KalshiArb.Actors.Risk;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Load harness for target (b): complete order lifecycles per second, sustained. The production path
/// (<see cref="BenchOrderPath"/>) with the production order policy against <see cref="BenchmarkFillingVenue"/>, which
/// fills every order at once: signal → created → approved → submitted → acknowledged → filled → terminal, each event
/// journaled. Closed loop: up to W orders in flight (<c>--window</c>, 400 by default); whenever orders complete, as
/// many new signals are sent (decided at the send, through the admission, no sender). An order is complete when the
/// desk counts it <c>Ended["Filled"]</c>, which it does only once the final event is durable (polled every 20 ms).
/// Tickers rotate through a pool five times the window (at least 2,000), so no two orders in flight share a market
/// (the gate allows one order in flight per market). Warm-up 5 s, longer until 2,000 lifecycles completed (at most 30 s; discarded), then the measured window; the last
/// line is <c>lifecycles/s: N</c>.
/// </summary>
public static class LifecycleHarness
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private const int WarmUpLifecycles = 2_000;
    private static readonly TimeSpan WarmUpAtMost = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private const int BreakdownSample = 400;
    private static readonly TimeSpan SampleBeforeEnd = TimeSpan.FromSeconds(5);

    public static async Task Run(BenchOptions options)
    {
        var seconds = options.Number(0, 60);
        var window = options.Window ?? 400;
        var overlay = options.Overlay(1);
        var tickers = Math.Max(2_000, window * 5);

        Console.WriteLine($"lifecycle harness, target (b): closed loop, window {window} orders in flight, {tickers} tickers rotating; "
                          + $"warm-up {WarmUp.TotalSeconds:0} s, measured {seconds} s; store {options.Store}");
        // The figure is printed last, after the system stopped (its shutdown logs) and the store was removed.
        string figure;
        using (var store = BenchStore.Create(options))
        {
            Console.WriteLine($"  store: {store.Description}");
            Console.WriteLine($"  at start: {MachineLoad.Describe()}");
            Console.WriteLine("  " + store.CommitProbe(200));
            BenchOrderPath.PrintConfig(overlay);
            Console.WriteLine("  venue: BenchmarkFillingVenue (accepts and fills every order at once at its limit; orders learn it from the submit answer and fetch the fill)");

            var venue = new BenchmarkFillingVenue();
            var path = await BenchOrderPath.StartAsync("bench-lifecycles", BenchOrderPath.BuildConfig(store, overlay), venue,
                new OrderActorSettings { ReserveAhead = options.ReserveAhead }, BenchOrderPath.GenerousGate());
            try
            {
                var loop = new ClosedLoop(path, window, tickers);

                var warm = Stopwatch.StartNew();
                await loop.RunAsync(WarmUp, sending: true);
                // On a loaded machine 5 s may not finish a single order: warm up until enough have (JIT, tables, shards), so
                // the window's allocation figures are the steady state's, within a bound.
                while (loop.Filled < WarmUpLifecycles && warm.Elapsed < WarmUpAtMost) await loop.RunAsync(PollInterval * 10, sending: true);
                Console.WriteLine($"  warm-up   {loop.Filled} lifecycles in {warm.Elapsed.TotalSeconds:F1} s (discarded); in flight {loop.InFlight}");

                var startFilled = loop.Filled;
                var startEnded = loop.Ended;
                using var sampler = options.AllocationTypes ? new AllocationSampler() : null;
                sampler?.Begin();
                using var gc = GcWindow.Start();
                var measured = Stopwatch.StartNew();
                var lastReportFilled = startFilled;
                var lastReport = TimeSpan.Zero;
                // A sample of orders sent in the window's last seconds, for the stage breakdown (the gate's journal is read
                // from where it stood then).
                var sampleFrom = TimeSpan.FromSeconds(Math.Max(0, seconds - SampleBeforeEnd.TotalSeconds));
                // Not awaited here: a busy gate answers late, and the loop must not stop sending meanwhile.
                Task<RiskStateView>? gateAtSample = null;
                await loop.RunAsync(TimeSpan.FromSeconds(seconds), sending: true, onPoll: () =>
                {
                    var now = measured.Elapsed;
                    if (gateAtSample is null && now >= sampleFrom)
                    {
                        gateAtSample = path.RiskStateAsync();
                        loop.SampleNext(BreakdownSample);
                    }
                    if (now - lastReport < ReportEvery) return Task.CompletedTask;
                    var recent = loop.Filled - lastReportFilled;
                    Console.WriteLine($"  t={now.TotalSeconds,5:F0} s  last {(now - lastReport).TotalSeconds:F0} s: {recent / (now - lastReport).TotalSeconds,8:F0}/s;  "
                                      + $"so far {(loop.Filled - startFilled) / now.TotalSeconds,8:F0}/s;  in flight {loop.InFlight};  load {MachineLoad.Average()}");
                    lastReport = now;
                    lastReportFilled = loop.Filled;
                    return Task.CompletedTask;
                });
                var elapsed = measured.Elapsed;
                var completed = loop.Filled - startFilled;
                var perSecond = completed / elapsed.TotalSeconds;
                var endedPerSecond = (loop.Ended - startEnded) / elapsed.TotalSeconds;
                var inFlightAtEnd = loop.InFlight;
                var loadAtWindowEnd = MachineLoad.Describe();
                var gcInWindow = gc.Describe();
                var gcPerLifecycle = gc.DescribePer(completed, "lifecycle");
                sampler?.End();

                // Let what is in flight finish (nothing new is sent) so every signal is accounted for.
                await loop.RunAsync(DrainTimeout, sending: false);

                Console.WriteLine($"  measured  {completed} lifecycles completed in {elapsed.TotalSeconds:F1} s = {perSecond:F1}/s "
                                  + $"(time in flight by Little's law ~{(endedPerSecond > 0 ? window / endedPerSecond * 1000 : double.NaN):F0} ms: window {window} / {endedPerSecond:F0} orders ended per s, filled or not); "
                                  + $"in flight at the window's end {inFlightAtEnd}");
                Console.WriteLine($"  at the window's end: {loadAtWindowEnd}");
                Console.WriteLine($"  {gcInWindow}");
                Console.WriteLine($"  {gcPerLifecycle}");
                foreach (var line in gc.Pauses()) Console.WriteLine($"    {line}");
                if (sampler is not null)
                {
                    Console.WriteLine("  allocations by type (sampled GCAllocationTick, bytes per lifecycle):");
                    foreach (var line in sampler.Describe(completed, 40)) Console.WriteLine("    " + line);
                }
                Console.WriteLine($"  signals sent {loop.Sent} (warm-up and measured window; none while draining); completed (Filled) {loop.Filled}");
                Console.WriteLine($"  not completed: ended otherwise {BenchOrderPath.Counts(loop.EndedOtherwise)}; refused at admission {BenchOrderPath.Counts(loop.Refused)}; "
                                  + $"still in flight {loop.InFlight} after {DrainTimeout.TotalSeconds:0} s without new signals");
                var risk = await path.RiskStateAsync();
                var denials = risk.DenialCounts.Values.Sum();
                Console.WriteLine($"  risk denials: {denials}{(denials == 0 ? "" : " (" + string.Join(", ", risk.DenialCounts.Select(kv => $"{kv.Key}={kv.Value}")) + ")")}; "
                                  + $"open reservations {risk.Reservations.Count}; positions {risk.Positions.Count}; gate journal seq {risk.SequenceNr}");
                Console.WriteLine($"  venue: {venue.SubmitCount} orders submitted, {venue.FillsFetched} fill fetches");
                Console.WriteLine($"  where the time goes: {loop.Sampled.Count} orders sent from {sampleFrom.TotalSeconds:0} s into the window on (each stage over the orders that reached both its ends)");
                await JournalStageBreakdown.PrintLifecyclesAsync(path.System, loop.Sampled.Keys.ToArray(), loop.Sampled, await GateReadFrom(gateAtSample));
                Console.WriteLine($"  at end: {MachineLoad.Describe()}");
                figure = $"lifecycles/s: {(long)Math.Floor(perSecond)}";
            }
            finally
            {
                await path.System.Terminate();
            }
        }
        Console.WriteLine(figure);
    }

    /// <summary>
    /// Where to start reading the gate's journal for the sample: a little before where it stood when the sample began
    /// (the sampled orders' reservations come after), or from the start when that is unknown.
    /// </summary>
    private static async Task<long> GateReadFrom(Task<RiskStateView>? atSample)
    {
        if (atSample is null) return 0;
        try
        {
            return Math.Max(0, (await atSample).SequenceNr - 1_000);
        }
        catch (Exception)
        {
            return 0;
        }
    }

    /// <summary>Keeps up to the window in flight, reading completions from the desk and refusals from the admission.</summary>
    private sealed class ClosedLoop(BenchOrderPath path, int window, int tickers)
    {
        private readonly string _runId = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        public long Sent { get; private set; }
        public long Filled { get; private set; }
        public IReadOnlyDictionary<string, long> EndedOtherwise { get; private set; } = new Dictionary<string, long>();
        public IReadOnlyDictionary<string, long> Refused { get; private set; } = new Dictionary<string, long>();

        /// <summary>Orders that ended in any way, and signals refused: what left the window.</summary>
        public long Ended => Filled + EndedOtherwise.Values.Sum() + Refused.Values.Sum();

        public long InFlight => Sent - Ended;

        /// <summary>Polls every 20 ms for <paramref name="duration"/> (when not sending: until nothing is in flight).</summary>
        private int _toSample;

        /// <summary>Send time (Stopwatch) of the sampled orders, by execution id.</summary>
        public Dictionary<string, long> Sampled { get; } = new(StringComparer.Ordinal);

        /// <summary>Record the send times of the next <paramref name="count"/> signals.</summary>
        public void SampleNext(int count) => _toSample = count;

        public async Task RunAsync(TimeSpan duration, bool sending, Func<Task>? onPoll = null)
        {
            var start = Stopwatch.GetTimestamp();
            while (true)
            {
                await ReadAsync();
                if (onPoll is not null) await onPoll();
                if (Stopwatch.GetElapsedTime(start) >= duration || (!sending && InFlight <= 0)) return;
                if (sending)
                    for (var free = window - InFlight; free > 0; free--) Send();
                await Task.Delay(PollInterval);
            }
        }

        private async Task ReadAsync()
        {
            var desk = await path.DeskStatusAsync();
            var admission = await path.AdmissionStatusAsync();
            Filled = desk.Ended.GetValueOrDefault("Filled");
            EndedOtherwise = desk.Ended.Where(kv => kv.Key != "Filled").ToDictionary(kv => kv.Key, kv => kv.Value);
            var refused = admission.RefusedByReason.ToDictionary(kv => kv.Key, kv => kv.Value);
            foreach (var kv in admission.NotPlacedByReason) refused["not placed: " + kv.Key] = kv.Value;
            Refused = refused;
        }

        private void Send()
        {
            var n = Sent++;
            var ticker = $"KXBENCH-LC{_runId}-{n % tickers:D5}";
            var signalId = $"bench-lc:{_runId}:{n}";
            if (_toSample > 0)
            {
                _toSample--;
                Sampled[ExecutionIds.FromSignal(signalId)] = Stopwatch.GetTimestamp();
            }
            // Decided now, as a MarketActor would: its horizon starts at the send.
            path.Admission.Tell(new TradeSignal(signalId, ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(1),
                FairProbability: 0.55, EdgePerContract: 0.03, Confidence: 1.0, Reason: "benchmark",
                CreatedAtMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ActorRefs.NoSender);
        }
    }
}
