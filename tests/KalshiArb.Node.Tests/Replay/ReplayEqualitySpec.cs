using Xunit.Abstractions;
using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Node.Replay;

namespace KalshiArb.Node.Tests.Replay;

/// <summary>
/// Issue 14's check that a replay runs the live path: the signals the markets detected in a recorded run of the embedded
/// default (simulator, paper mode) are the signals a replay of its recording detects.
/// </summary>
public sealed class ReplayEqualitySpec(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(60);

    private readonly ReplayFolder _folder = new("ka-replay-eq-");

    private string _dir => _folder.Path;

    [Fact]
    public async Task A_recorded_60_s_run_and_the_replay_of_its_recording_detect_the_same_signals()
    {
        var recording = Path.Combine(_dir, "recorded");
        var settings = new NodeSettings
        {
            Mode = TradingMode.Paper,
            DataDirectory = Path.Combine(_dir, "run"), LogDirectory = Path.Combine(_dir, "logs"), RecordDirectory = recording,
        };
        var logger = NodeHostFactory.CreateLogger(settings);
        IReadOnlyList<RecentSignal> live;
        await using (var node = await TradingNode.StartAsync(settings, logger, (c, ct) => ExchangeConnection.EmbeddedAsync(settings, c, ct), CancellationToken.None))
        {
            using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            var deadline = DateTime.UtcNow + RunFor;
            while (DateTime.UtcNow < deadline && await every.WaitForNextTickAsync()) { }
            // The recording ends here while the node runs on: what live detected after it came from frames the replay has not
            // got, so both sides are compared up to the last recorded time (a signal's time is its evaluation's event time).
            var counts = node.Recorder!.Close(TimeSpan.FromSeconds(30));
            // nothing lost before the end (frames offered while it closes are refused, and are after the end)
            Assert.True(counts is { DroppedQueueFull: 0, WriterFault: null }, counts.ToString());
            // live's timers run the evaluations due by then (interval 250 ms + a 20 ms grace after the due time)
            var flushed = DateTime.UtcNow.AddSeconds(1);
            while (DateTime.UtcNow < flushed && await every.WaitForNextTickAsync()) { }
            live = (await node.Admission!.Ask<RecentSignals>(GetRecentSignals.Instance, TimeSpan.FromSeconds(10))).Signals;
            await node.StopAsync();
        }
        (logger as IDisposable)?.Dispose();
        // the admission keeps its last signals only: all of them must still be there
        Assert.True(live.Count < RecentSignalLog.Capacity, $"{live.Count} signals: more than the admission's log keeps");

        var catalog = RecordedCatalog.Scan(recording);
        Assert.Equal(KalshiArb.Recording.Reading.ReadStatus.Complete, catalog.Status);
        var endMs = new DateTimeOffset(catalog.LastTicks, TimeSpan.Zero).ToUnixTimeMilliseconds();

        var replay = await ReplayAsync(recording);
        var detectedLive = Detected(live, endMs);
        var detectedReplay = Detected(replay.RecentSignals, endMs);
        Assert.True(replay.RecentSignals.Count < RecentSignalLog.Capacity, $"{replay.RecentSignals.Count} replayed signals");
        output.WriteLine($"detected up to the recording's end: live {detectedLive.Count}, replay {detectedReplay.Count}; after it: live " +
                         $"{live.Count - detectedLive.Count}, replay {replay.RecentSignals.Count - detectedReplay.Count}; {catalog.Frames} frames, {catalog.OddsSnapshots} odds snapshots");
        Assert.NotEmpty(detectedLive);
        var onlyLive = detectedLive.Except(detectedReplay).ToList();
        var onlyReplay = detectedReplay.Except(detectedLive).ToList();
        Assert.True(onlyLive.Count == 0 && onlyReplay.Count == 0,
            $"live {detectedLive.Count}, replay {detectedReplay.Count} up to {endMs}\nonly live:\n{string.Join("\n", onlyLive)}\nonly replay:\n{string.Join("\n", onlyReplay)}");
        Assert.Equal(detectedLive, detectedReplay);
    }

    private static List<string> Detected(IEnumerable<RecentSignal> signals, long upToMs) =>
        signals.Where(s => s.CreatedAtMs <= upToMs)
            .Select(s => $"{s.SignalId} {s.Ticker} {s.Side} {s.LimitPrice.ToWire()} {s.Count.ToWire()} {s.StrategyId} @{s.CreatedAtMs}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private Task<ReplayReport> ReplayAsync(string recording) => _folder.ReplayAsync(recording, "replay");

    public void Dispose() => _folder.Dispose();
}
