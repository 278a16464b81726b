using System.Collections;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Risk;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Where the time goes, read back through the SQL read journal (any store) while the system is up: signal → venue call
/// (<see cref="PrintAsync"/>, target a) and signal → filled (<see cref="PrintLifecyclesAsync"/>, target b). Every
/// event's envelope carries the journal's write stamp (<see cref="EventEnvelope.Timestamp"/>: DateTime UTC ticks taken
/// when the journal plugin accepted the write, i.e. when the write began, before its batch was committed); order events
/// also carry their own decision time (<see cref="OrderJournalEvent.AtMs"/>, Unix ms). Stages, per order:
/// sent → the gate's ReservationRecorded journaled (the entity's start and recovery read, the ask, the gate's write),
/// gate → OrderCreated+RiskApproved+SubmitRequested journaled, that write → venue called.
/// Because a stamp marks the start of a write, each stage holds the commit of the write that opens it. The gate's journal
/// is read from <c>gateFromSequenceNr</c> (it holds every order's reservation, fill and release).
/// </summary>
public static class JournalStageBreakdown
{
    private const int ReadParallelism = 8;

    private sealed record Row(long SequenceNr, long WriteTicks, OrderJournalEvent Event);

    /// <summary>What the read journal holds for a set of orders; every stamp already in DateTime UTC ticks.</summary>
    private sealed class JournalRead
    {
        public Dictionary<string, long> GateReserved { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> GateFill { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> GateReleased { get; } = new(StringComparer.Ordinal);

        /// <summary>Orders whose reservation the gate released in the same event as their last fill.</summary>
        public HashSet<string> GateReleasedWithFill { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, List<Row>> Orders { get; } = new(StringComparer.Ordinal);
        public string Unit { get; set; } = "";
        public TimeSpan Took { get; set; }

        public void PrintHeader(int orders)
        {
            Console.WriteLine($"    stage breakdown through the read journal ({orders} orders; read in {Took.TotalSeconds:F1} s)");
            Console.WriteLine($"      journal write stamp (EventEnvelope.Timestamp): {Unit}, taken when the journal plugin accepted the write (before its commit)");
        }
    }

    private static async Task<JournalRead> ReadAsync(ActorSystem system, IReadOnlyCollection<string> executionIds, long gateFromSequenceNr)
    {
        var read = Stopwatch.StartNew();
        var result = new JournalRead();
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var mat = system.Materializer();
        var wanted = new HashSet<string>(executionIds, StringComparer.Ordinal);
        long? sampleStamp = null;

        // The gate's journal (one for every order): reservations, fills, releases.
        await journal.CurrentEventsByPersistenceId(RiskGateActor.DefaultPersistenceId, gateFromSequenceNr, long.MaxValue).RunForeach(env =>
        {
            sampleStamp ??= env.Timestamp;
            var ts = Ticks(env.Timestamp);
            switch (env.Event)
            {
                case ReservationRecorded r when wanted.Contains(r.Reservation.ExecutionId):
                    result.GateReserved.TryAdd(r.Reservation.ExecutionId, ts);
                    break;
                case RiskFillRecorded f when wanted.Contains(f.Fill.ExecutionId):
                    result.GateFill.TryAdd(f.Fill.ExecutionId, ts);
                    if (f.ReleasesReservation) result.GateReleasedWithFill.Add(f.Fill.ExecutionId);
                    break;
                case ReservationReleased x when wanted.Contains(x.ExecutionId):
                    result.GateReleased.TryAdd(x.ExecutionId, ts);
                    break;
            }
        }, mat);

        // Each order's own journal.
        await Parallel.ForEachAsync(executionIds, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism }, async (id, _) =>
        {
            var rows = new List<Row>();
            await journal.CurrentEventsByPersistenceId(OrderActor.PersistenceIdFor(id), 0, long.MaxValue).RunForeach(env =>
            {
                if (env.Event is OrderJournalEvent e) rows.Add(new Row(env.SequenceNr, Ticks(env.Timestamp), e));
            }, mat);
            result.Orders[id] = rows;
        });
        result.Unit = sampleStamp is { } s && !IsDateTimeTicks(s) ? "Unix ms (converted)" : "DateTime UTC ticks (100 ns)";
        result.Took = read.Elapsed;
        return result;
    }

    /// <summary>Signal → venue call (target a), for orders that reached the venue.</summary>
    public static async Task PrintAsync(ActorSystem system, IReadOnlyList<string> executionIds, IReadOnlyDictionary<string, long> sentAt,
        IReadOnlyDictionary<string, long> venueAt, int designRoundTrips, bool reserveAhead)
    {
        var j = await ReadAsync(system, executionIds, 0);
        j.PrintHeader(executionIds.Count);

        string[] stages =
        [
            "sent → gate reservation journaled (start, recovery read, ask, gate write)",
            "gate → OrderCreated+RiskApproved+SubmitRequested journaled",
            "that write → venue called (its commit, the gate's pushed approval with reserve-ahead, then the call)",
            "sent → venue called (same orders)",
        ];
        var samples = stages.Select(_ => new List<long>()).ToArray();
        var ownWritesBefore = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var eventsByAtMs = new SortedDictionary<int, int>();
        var waitedOn = new SortedDictionary<int, int>();
        var complete = 0;
        foreach (var id in executionIds)
        {
            if (!j.Orders.TryGetValue(id, out var rows) || !venueAt.TryGetValue(id, out var venueSw) || !sentAt.TryGetValue(id, out var sentSw)) continue;
            var created = rows.FirstOrDefault(r => r.Event is OrderCreatedEvent);
            var approved = rows.FirstOrDefault(r => r.Event is OrderRiskApprovedEvent);
            if (created is null || approved is null || !j.GateReserved.TryGetValue(id, out var tg)) continue;
            complete++;
            var t0 = BenchClock.ToUtcTicks(sentSw);
            var tv = BenchClock.ToUtcTicks(venueSw);
            var ta = approved.WriteTicks;
            Add(samples[0], tg - t0);
            Add(samples[1], ta - tg);
            Add(samples[2], tv - ta);
            Add(samples[3], tv - t0);

            // The order's own writes that began before its venue call (one write per distinct stamp: a decision's
            // events go in one atomic write), and its events decided before the call by their own AtMs.
            var before = rows.Where(x => x.WriteTicks < tv).ToArray();
            var writes = before.Select(x => x.WriteTicks).Distinct().Count();
            var key = $"{writes} write(s), {before.Length} event(s)";
            ownWritesBefore[key] = ownWritesBefore.GetValueOrDefault(key) + 1;
            var venueMs = BenchClock.ToUnixMs(venueSw);
            var byAtMs = rows.Count(x => x.Event.AtMs <= venueMs);
            eventsByAtMs[byAtMs] = eventsByAtMs.GetValueOrDefault(byAtMs) + 1;
            var total = writes + 1;
            waitedOn[total] = waitedOn.GetValueOrDefault(total) + 1;
        }

        Console.WriteLine($"      {complete} orders with OrderCreated, gate reservation, RiskApproved and a venue call:");
        PrintStages(stages, samples);
        Console.WriteLine($"      design: {designRoundTrips} durable round trips one after the other on the path signal → venue call (harness parameter --round-trips; "
                          + "now: the entity's recovery read (highest sequence number, not queued behind commits for a new id), then "
                          + (reserveAhead
                              ? "the gate's reservation write and OrderCreated+RiskApproved+SubmitRequested in one write, overlapping (reserve-ahead on: "
                                + "one message to the gate, answered held at once; the venue call waits for the order's write and the approval the gate pushes once its write is durable)"
                              : "the gate's reservation write, then OrderCreated+RiskApproved+SubmitRequested in one write (reserve-ahead off)")
                          + "; no remembered-entity write: the open-order table changes inside the order's own writes)");
        Console.WriteLine($"      order's own writes begun before its venue call: {Histogram(ownWritesBefore)}");
        Console.WriteLine($"      order's own events decided before its venue call by AtMs (ms resolution: an Acknowledged decided in the call's own ms counts): {Histogram(eventsByAtMs)}");
        Console.WriteLine($"      journal writes the order waited on (gate + own): {Histogram(waitedOn)}");
    }

    /// <summary>Signal → filled (target b), for the sampled orders that filled.</summary>
    public static async Task PrintLifecyclesAsync(ActorSystem system, IReadOnlyList<string> executionIds, IReadOnlyDictionary<string, long> sentAt,
        long gateFromSequenceNr)
    {
        var j = await ReadAsync(system, executionIds, gateFromSequenceNr);
        j.PrintHeader(executionIds.Count);
        string[] stages =
        [
            "sent → gate reservation journaled (start + recovery read + ask + gate write)",
            "gate → OrderCreated+RiskApproved+SubmitRequested journaled",
            "that write → Acknowledged journaled (venue submit)",
            "Acknowledged → FillApplied journaled (fill fetch; 0: one write)",
            "sent → FillApplied journaled (+ its commit = complete)",
            "FillApplied → gate fill journaled (with the release when the fill ended the order)",
            "FillApplied → gate release journaled (a separate release)",
        ];
        var samples = stages.Select(_ => new List<long>()).ToArray();
        var writes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in executionIds)
        {
            if (!sentAt.TryGetValue(id, out var sentSw)) continue;
            if (!j.Orders.TryGetValue(id, out var rows) || rows.Count == 0)
            {
                outcomes["no order journal"] = outcomes.GetValueOrDefault("no order journal") + 1;
                continue;
            }
            var outcome = rows[^1].Event switch
            {
                OrderFillAppliedEvent => "Filled",
                OrderExpiredEvent x => $"Expired({x.Reason})",
                OrderRejectedEvent r => $"Rejected({r.Reason})",
                OrderRiskDeniedEvent d => $"RiskDenied({d.Reason})",
                var e => "last event " + e.GetType().Name.Replace("Order", "").Replace("Event", ""),
            };
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

            long? At<T>() => rows.FirstOrDefault(r => r.Event is T)?.WriteTicks;
            long? Gate(Dictionary<string, long> d) => d.TryGetValue(id, out var t) ? t : null;
            long? t0 = BenchClock.ToUtcTicks(sentSw), tc = At<OrderCreatedEvent>(), ta = At<OrderRiskApprovedEvent>(),
                tk = At<OrderAcknowledgedEvent>(), tf = At<OrderFillAppliedEvent>(),
                tg = Gate(j.GateReserved), gf = Gate(j.GateFill), gr = Gate(j.GateReleased);
            (long? From, long? To)[] spans = [(t0, tg), (tg, ta), (ta, tk), (tk, tf), (t0, tf), (tf, gf), (tf, gr)];
            for (var i = 0; i < spans.Length; i++)
                if (spans[i] is ({ } from, { } to)) Add(samples[i], to - from);
            if (tf is null) continue;
            var key0 = "";
            var own = rows.Select(r => r.WriteTicks).Distinct().Count();
            var gate = (tg is null ? 0 : 1) + (gf is null ? 0 : 1) + (gr is null ? 0 : 1);
            if (j.GateReleasedWithFill.Contains(id)) key0 = " (fill and release in one event)";
            var key = $"order {own} ({rows.Count} events) + gate {gate}{key0}";
            writes[key] = writes.GetValueOrDefault(key) + 1;
        }
        Console.WriteLine($"      how the sampled orders ended: {Histogram(outcomes)}");
        PrintStages(stages, samples);
        Console.WriteLine($"      journal writes per filled lifecycle: {Histogram(writes)}");
    }

    private static void PrintStages(string[] stages, List<long>[] samples)
    {
        for (var i = 0; i < stages.Length; i++)
        {
            var l = LatencySummary.From(samples[i]);
            if (l.Count == 0) continue;
            Console.WriteLine($"      {stages[i],-60} p50={l.P50Ms,8:F2}  p90={l.P90Ms,8:F2}  p99={l.P99Ms,8:F2}  max={l.MaxMs,8:F2} ms  (n={l.Count})");
        }
    }

    private static void Add(List<long> list, long utcTicks) => list.Add(BenchClock.UtcTicksToStopwatch(utcTicks));

    private static long Ticks(long stamp) => IsDateTimeTicks(stamp) ? stamp : DateTime.UnixEpoch.Ticks + stamp * TimeSpan.TicksPerMillisecond;

    /// <summary>The plugin stamps DateTime ticks (this version); a Unix-ms stamp would be six orders of magnitude smaller.</summary>
    private static bool IsDateTimeTicks(long stamp) => stamp > 100_000_000_000_000L;

    private static string Histogram<TKey>(SortedDictionary<TKey, int> counts) where TKey : notnull =>
        counts.Count == 0 ? "none" : string.Join("; ", counts.Select(kv => $"{kv.Key}: {kv.Value} orders"));
}
