using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Where the signal→submit time goes, read back from the journal's own write timestamps (event_journal.timestamp,
/// stamped by the plugin when it builds the row): sent → OrderIndexed → OrderCreated → gate ReservationRecorded → RiskApproved →
/// SubmitRequested → venue called. Diagnostic only; resolution is whatever the plugin stamps (ticks or ms).
/// </summary>
public static partial class JournalStageBreakdown
{
    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex ExecutionIdPattern();

    /// <param name="toUtcTicks">Converts a Stopwatch timestamp to DateTime UTC ticks.</param>
    public static void Print(string connectionString, IReadOnlyList<string> executionIds, IReadOnlyDictionary<string, long> sentAt,
        IReadOnlyDictionary<string, long> submittedAt, Func<long, long> toUtcTicks)
    {
        var wanted = new HashSet<string>(executionIds, StringComparer.Ordinal);
        var orderEvents = new Dictionary<string, long[]>(StringComparer.Ordinal); // seq 1..3 timestamps
        var gateRecorded = new Dictionary<string, long>(StringComparer.Ordinal);
        var indexed = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var conn = new SqliteConnection(connectionString))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT persistence_id, sequence_nr, timestamp, payload FROM event_journal WHERE persistence_id IN ('risk-gate', 'order-index') OR (persistence_id LIKE 'order-%' AND sequence_nr <= 3)";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var pid = r.GetString(0);
                var ts = ToTicks(r.GetInt64(2));
                if (pid is "risk-gate" or "order-index")
                {
                    var m = ExecutionIdPattern().Match(Encoding.UTF8.GetString((byte[])r.GetValue(3)));
                    if (m.Success && wanted.Contains(m.Value)) (pid == "risk-gate" ? gateRecorded : indexed).TryAdd(m.Value, ts);
                    continue;
                }
                var id = pid["order-".Length..];
                if (!wanted.Contains(id)) continue;
                if (!orderEvents.TryGetValue(id, out var arr)) orderEvents[id] = arr = new long[3];
                arr[r.GetInt64(1) - 1] = ts;
            }
        }

        var stages = new[] { "sent→index OrderIndexed stamped (queue at index)", "OrderIndexed→OrderCreated (index/remember write, recovery)", "OrderCreated→gate ReservationRecorded", "gate→RiskApproved", "RiskApproved→SubmitRequested", "SubmitRequested→venue called" };
        var samples = stages.Select(_ => new List<long>()).ToArray();
        foreach (var id in executionIds)
        {
            if (!orderEvents.TryGetValue(id, out var e) || e.Any(t => t == 0) || !gateRecorded.TryGetValue(id, out var g)) continue;
            if (!submittedAt.TryGetValue(id, out var sub)) continue;
            // Region mode keeps no order index: the first stage is then 0 and the second runs from the send.
            if (!indexed.TryGetValue(id, out var ix)) ix = toUtcTicks(sentAt[id]);
            long[] points = [toUtcTicks(sentAt[id]), ix, e[0], g, e[1], e[2], toUtcTicks(sub)];
            for (var s = 0; s < stages.Length; s++) samples[s].Add(Math.Max(0, points[s + 1] - points[s]) * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
        }
        Console.WriteLine($"    stage breakdown from journal timestamps ({samples[0].Count} orders):");
        for (var s = 0; s < stages.Length; s++)
        {
            var l = LatencySummary.From(samples[s]);
            Console.WriteLine($"      {stages[s],-52} p50={l.P50Ms,8:F2} ms  p90={l.P90Ms,8:F2} ms  p99={l.P99Ms,8:F2} ms");
        }
    }

    // The plugin stamps DateTime ticks on some versions and Unix ms on others: tell them apart by size.
    private static long ToTicks(long raw) => raw > 100_000_000_000_000L ? raw : DateTime.UnixEpoch.Ticks + raw * TimeSpan.TicksPerMillisecond;
}
