using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Node.Replay;
using KalshiArb.Recording.Synthetic;

namespace KalshiArb.Node.Tests.Replay;

/// <summary>Record a node's run, replay recordings through the node's actors, and the replay's determinism.</summary>
public sealed class ReplaySpec : IDisposable
{
    private readonly ReplayFolder _folder = new("ka-replay-");

    private string _dir => _folder.Path;

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

    /// <summary>
    /// Orders that compete: detection loosened so the synthetic books signal often, and risk limits that bind all through
    /// the recording (two orders per replayed minute, little exposure per game). Which of two same-step orders got the last
    /// slot used to depend on which market's actor ran first, and the gate counted orders per minute of real time, so the
    /// journals (and, when a fill followed, the P&amp;L) differed between replays of one recording. Compared here: the
    /// report, and every order and risk-gate event in the journal, byte for byte.
    /// </summary>
    [Fact]
    public async Task Two_replays_whose_orders_compete_for_the_risk_limits_write_the_same_journal_and_report()
    {
        var recording = Path.Combine(_dir, "competing");
        SyntheticRecording.Write(recording, new SyntheticRecordingOptions { Markets = 6, Minutes = 10, Seed = 1, CatalogMarkers = true });
        var overlay = Path.Combine(_dir, "competing.conf");
        await File.WriteAllTextAsync(overlay, """
            kalshiarb.risk.max-orders-per-minute = 2
            kalshiarb.risk.max-exposure-per-game-dollars = 25
            kalshiarb.market.max-edge = 0.50
            kalshiarb.market.max-book-spread = 0.50
            kalshiarb.market.signal-bucket = 10s
            kalshiarb.odds.min-fresh-books = 1
            """);

        var first = await ReplayAsync(recording, "competing-1", overlay);
        var second = await ReplayAsync(recording, "competing-2", overlay);

        Assert.True(first.Admission.Placed >= 20, first.ToText());
        Assert.True(first.Fills > 0, first.ToText());
        var journal = JournalEvents("competing-1");
        Assert.Contains(journal, e => e.StartsWith("risk-gate", StringComparison.Ordinal));
        Assert.Equal(first.ToText(), second.ToText());
        var other = JournalEvents("competing-2");
        var at = Enumerable.Range(0, Math.Min(journal.Count, other.Count)).FirstOrDefault(i => journal[i] != other[i], -1);
        Assert.True(journal.Count == other.Count && at < 0, at < 0
            ? $"journals differ in length: {journal.Count} and {other.Count} events"
            : $"journals differ first at event #{at}:\n{journal[at]}\n{other[at]}");
    }

    /// <summary>
    /// The replay's journal, every event but the start-up probe's, as "persistence id #seq manifest payload-hex" in id and seq
    /// order; except that an order's own events are compared as a set (no seq, sorted): a paper fill pushed by the venue and
    /// the venue's answer to the submit reach the order by two paths, and either may be journaled first (same end state).
    /// </summary>
    private List<string> JournalEvents(string journal)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, journal, "kalshiarb.db")};Mode=ReadOnly");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT persistence_id, sequence_nr, manifest, payload FROM event_journal " +
                            "WHERE persistence_id NOT LIKE 'journal-probe%' ORDER BY persistence_id, sequence_nr";
        using var rows = query.ExecuteReader();
        var events = new List<(string Id, string Text)>();
        while (rows.Read())
        {
            var id = rows.GetString(0);
            var seq = id.StartsWith("order-", StringComparison.Ordinal) ? "" : $" #{rows.GetInt64(1)}";
            events.Add((id, $"{id}{seq} {rows.GetString(2)} {Convert.ToHexString((byte[])rows[3])}"));
        }
        return events.GroupBy(e => e.Id, StringComparer.Ordinal)
            .SelectMany(g => g.Key.StartsWith("order-", StringComparison.Ordinal) ? g.Select(e => e.Text).Order(StringComparer.Ordinal) : g.Select(e => e.Text))
            .ToList();
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
            Assert.True(recorder.Counts.Dropped == 0, recorder.Counts.ToString());
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

    private Task<ReplayReport> ReplayAsync(string recording, string journal, string? configOverlay = null) =>
        _folder.ReplayAsync(recording, journal, configOverlay);

    public void Dispose() => _folder.Dispose();
}
