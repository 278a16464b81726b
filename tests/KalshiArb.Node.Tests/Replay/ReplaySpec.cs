using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Node.Replay;
using KalshiArb.Recording.Synthetic;

namespace KalshiArb.Node.Tests.Replay;

/// <summary>Record a node's run, replay recordings through the node's actors, and the replay's determinism.</summary>
public sealed class ReplaySpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-replay-").FullName;

    [Fact]
    public async Task Two_replays_of_one_synthetic_recording_report_the_same_bytes()
    {
        var recording = Path.Combine(_dir, "synthetic");
        var written = SyntheticRecording.Write(recording, new SyntheticRecordingOptions { Markets = 4, Minutes = 3, Seed = 7, CatalogMarkers = true });

        var first = await ReplayAsync(recording, "journal-1");
        var second = await ReplayAsync(recording, "journal-2");

        Assert.Equal(written.Records, first.Progress.Records);
        Assert.True(first.Catalog.FromMarkers);
        Assert.Equal(4, first.Catalog.Markets.Count);
        Assert.True(first.Feed.MarketMessagesSent > 0, first.ToText());
        Assert.True(first.Odds.ConsensusSent > 0, first.ToText());
        // every market evaluated on its changes with a consensus; the generator's random books sit far from its odds, so the
        // detector refuses them (EdgeTooGood, TooFewBooks) rather than signalling: signals are the recorded run's spec below
        Assert.All(first.Markets, m => Assert.True(m.Counters.Evaluations > 100, first.ToText()));
        Assert.Equal(first.ToText(), second.ToText());
    }

    [Fact]
    public async Task A_run_with_record_writes_frames_odds_and_catalog_and_replaying_it_trades_the_same_way_twice()
    {
        var recording = Path.Combine(_dir, "recorded");
        var settings = new NodeSettings
        {
            DataDirectory = Path.Combine(_dir, "run"), LogDirectory = Path.Combine(_dir, "logs"), RecordDirectory = recording,
        };
        var logger = NodeHostFactory.CreateLogger(settings);
        await using (var node = await TradingNode.StartAsync(settings, logger, (c, ct) => ExchangeConnection.EmbeddedAsync(settings, c, ct), CancellationToken.None))
        {
            var recorder = node.Recorder!;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            while (DateTime.UtcNow < deadline && recorder.Counts.Written < 3_000 && await every.WaitForNextTickAsync()) { }
            Assert.True(recorder.Counts.Written >= 3_000, recorder.Counts.ToString());
            await node.StopAsync();
            Assert.Equal(0, recorder.Counts.Dropped);
        }
        (logger as IDisposable)?.Dispose();

        var catalog = RecordedCatalog.Scan(recording);
        Assert.Equal(KalshiArb.Recording.Reading.ReadStatus.Complete, catalog.Status);
        Assert.True(catalog.FromMarkers);
        Assert.Equal(20, catalog.Markets.Count);
        Assert.True(catalog.Frames >= 2_000, $"frames {catalog.Frames}");
        Assert.True(catalog.OddsSnapshots >= 1, $"odds {catalog.OddsSnapshots}");

        var first = await ReplayAsync(recording, "replay-1");
        var second = await ReplayAsync(recording, "replay-2");
        Assert.True(first.SignalsDetected > 0, first.ToText());
        Assert.Equal(first.ToText(), second.ToText());

        // the replay's journal is an ordinary journal: the audit reads it
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var rc = await AuditCommand.RunAsync(new KalshiArb.Node.Audit.AuditOptions
        {
            Settings = new NodeSettings { DataDirectory = Path.Combine(_dir, "replay-1") },
            RequireTerminal = false,
        }, stdout, stderr, CancellationToken.None);
        Assert.True(rc == 0, stdout + "\n" + stderr);
    }

    private async Task<ReplayReport> ReplayAsync(string recording, string journal)
    {
        var settings = new NodeSettings { DataDirectory = Path.Combine(_dir, journal), LogDirectory = Path.Combine(_dir, "logs-" + journal) };
        var logger = NodeHostFactory.CreateLogger(settings);
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return await ReplayRun.RunAsync(new ReplayRequest(recording, settings.DataDirectory), logger, bound.Token);
        }
        finally
        {
            (logger as IDisposable)?.Dispose();
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }
}
