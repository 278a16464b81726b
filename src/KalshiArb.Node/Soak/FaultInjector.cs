using System.Diagnostics;
using System.Text.Json.Nodes;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Soak;

/// <summary>
/// Applies one planned fault to the running simulator and nodes and measures the heal: the time from the moment the
/// fault ended (the kill, the signal, the drop, the end of a storm or of the journal lock) until every node's admin
/// status is healthy again (feed connected, risk gate without an outage, all members up; after a WS drop also
/// reconnected).
/// </summary>
public sealed class FaultInjector(SimulatorProcess simulator, NodeSet nodes, JournalLock journal, SoakOptions options, TextWriter log)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SignalWait = TimeSpan.FromSeconds(30);

    public async Task<FaultOutcome> ApplyAsync(PlannedFault fault, TimeSpan appliedAt, CancellationToken ct)
    {
        var before = NodeSet.First(await nodes.StatusesAsync(ct));
        string? note = null;
        Func<IReadOnlyList<AdminStatusDocument?>, bool> healed = NodeSet.AllHealthy;
        var target = nodes[fault.Target % nodes.Count];
        long ended;
        switch (fault.Kind)
        {
            case SoakFaultKind.KillAfterSignal:
                var placed = NodeHealth.Placed(before);
                var signal = await WaitAsync(s => NodeHealth.Placed(NodeSet.First(s)) > placed, SignalWait, ct);
                if (signal is null) note = $"no order placed within {SignalWait.TotalSeconds:F0} s, killed anyway";
                await Task.Delay(fault.Magnitude, ct);
                ended = await KillAndRestartAsync(target, ct);
                break;
            case SoakFaultKind.Kill:
                ended = await KillAndRestartAsync(target, ct);
                break;
            case SoakFaultKind.Terminate:
                ended = Stopwatch.GetTimestamp();
                if (!await target.StopAsync(options.DrainBound, ct)) note = $"did not stop within {options.DrainBound.TotalSeconds:F0} s of SIGTERM, killed";
                // 143 (128 + SIGTERM) is how .NET ends after its graceful stop on SIGTERM; anything else is worth a note.
                else if (target.ExitCode is { } code and not 0 and not 143) note = $"exit code {code} after SIGTERM";
                target.Start();
                break;
            case SoakFaultKind.WebSocketDrop:
                var connects = before?.Feed?.Connects ?? 0;
                await simulator.SetFaultsAsync(new JsonObject { ["drop_connections"] = true }, ct);
                ended = Stopwatch.GetTimestamp();
                healed = s => NodeSet.AllHealthy(s) && NodeSet.First(s)!.Feed?.Connects > connects;
                break;
            case SoakFaultKind.SequenceGap:
                var gaps = before?.Feed?.Gaps ?? 0;
                var tickers = new JsonArray((await simulator.MarketTickersAsync(ct)).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
                await simulator.SetFaultsAsync(new JsonObject { ["skip_seq_markets"] = tickers }, ct);
                ended = Stopwatch.GetTimestamp();
                if (await WaitAsync(s => NodeSet.First(s)?.Feed?.Gaps > gaps, TimeSpan.FromSeconds(20), ct) is null) note = "the node saw no gap within 20 s";
                break;
            case SoakFaultKind.RestDelay:
                ended = await HoldAsync(new JsonObject { ["rest_delay_ms"] = fault.Magnitude }, fault.Hold, ct);
                break;
            case SoakFaultKind.ServerErrorStorm:
                ended = await HoldAsync(new JsonObject { ["server_error_share"] = fault.Magnitude / 100.0 }, fault.Hold, ct);
                break;
            case SoakFaultKind.RateLimitStorm:
                ended = await HoldAsync(new JsonObject { ["too_many_requests_share"] = fault.Magnitude / 100.0 }, fault.Hold, ct);
                break;
            case SoakFaultKind.JournalLock:
                await journal.HoldAsync(fault.Hold, ct);
                ended = Stopwatch.GetTimestamp();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "unknown fault");
        }
        if (fault.Kind.StopsNode()) await log.WriteLineAsync($"soak: {target.Name} restarted (pid {target.Pid})");
        var healedAt = await WaitAsync(healed, options.EffectiveHealBound, ct);
        TimeSpan? heal = healedAt is null ? null : Stopwatch.GetElapsedTime(ended, healedAt.Value);
        if (heal is null) note = Join(note, $"not healthy within {options.EffectiveHealBound.TotalSeconds:F0} s");
        await log.WriteLineAsync($"soak: {appliedAt:mm\\:ss} {fault} -> {(heal is { } h ? $"healthy after {h.TotalSeconds:F1} s" : "NOT HEALED")}{(note is null ? "" : $" ({note})")}");
        return new FaultOutcome(fault, appliedAt, heal, note);
    }

    private static async Task<long> KillAndRestartAsync(NodeProcess node, CancellationToken ct)
    {
        node.Kill();
        var killed = Stopwatch.GetTimestamp();
        await node.WaitForExitAsync(TimeSpan.FromSeconds(10), ct);
        node.Start();
        return killed;
    }

    private async Task<long> HoldAsync(JsonObject fault, TimeSpan hold, CancellationToken ct)
    {
        await simulator.SetFaultsAsync(fault, ct);
        try
        {
            await Task.Delay(hold, ct);
        }
        finally
        {
            await simulator.ClearFaultsAsync(CancellationToken.None);
        }
        return Stopwatch.GetTimestamp();
    }

    /// <summary>Polls every node's status until <paramref name="condition"/> holds; the timestamp it held at, or null after <paramref name="bound"/>.</summary>
    public async Task<long?> WaitAsync(Func<IReadOnlyList<AdminStatusDocument?>, bool> condition, TimeSpan bound, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < bound)
        {
            if (condition(await nodes.StatusesAsync(ct))) return Stopwatch.GetTimestamp();
            await Task.Delay(Poll, ct);
        }
        return null;
    }

    private static string Join(string? a, string b) => a is null ? b : $"{a}; {b}";
}
