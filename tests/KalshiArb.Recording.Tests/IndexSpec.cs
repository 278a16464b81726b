using KalshiArb.Recording.Index;

namespace KalshiArb.Recording.Tests;

public sealed class IndexSpec
{
    private static readonly RecordingWriterOptions Options = new() { BlockBytes = 8 * 1024, SegmentBytes = 32 * 1024 };

    private static List<Sample> Mixed()
    {
        var frames = Sample.Frames(1_500);
        // an odds snapshot every 100 frames, keyed by sport
        return frames.SelectMany((f, i) => i % 100 == 0
            ? [f, new Sample(RecordKind.OddsSnapshot, f.Ticks, 0, "basketball_nba", "[]"u8.ToArray())]
            : new[] { f }).ToList();
    }

    [Fact]
    public void Close_writes_an_index_with_each_segments_time_range_counts_and_keys()
    {
        using var dir = new TempDirectory();
        var samples = Mixed();
        using (var writer = new RecordingWriter(dir.Path, Options)) Sample.WriteAll(writer, samples);

        var index = RecordingIndexFile.TryLoad(dir.Path)!;
        Assert.Equal(SegmentFiles.List(dir.Path).Select(s => Path.GetFileName(s.Path)), index.Segments.Select(s => s.File));
        Assert.True(index.Segments.Count > 2);
        Assert.Equal(samples.Count, index.Records);
        Assert.Equal(samples[0].Ticks, index.FirstReceivedUtcTicks);
        Assert.Equal(samples[^1].Ticks, index.LastReceivedUtcTicks);
        Assert.Equal(samples.Where(s => s.Kind == RecordKind.MarketDataFrame).Select(s => s.Key!).Distinct().Order(StringComparer.Ordinal), index.Markets);
        Assert.Equal(["basketball_nba"], index.Segments.SelectMany(s => s.OddsKeys).Distinct());
        Assert.All(index.Segments.Where(s => s.Records > 101), s => Assert.Equal(["basketball_nba"], s.OddsKeys));
        Assert.All(index.Segments, s => Assert.Equal(new FileInfo(Path.Combine(dir.Path, s.File)).Length, s.SizeBytes));
        Assert.All(index.Segments, s => Assert.Null(s.TornTail));
    }

    [Fact]
    public void A_missing_index_is_rebuilt_by_a_scan_to_the_same_bytes()
    {
        using var dir = new TempDirectory();
        using (var writer = new RecordingWriter(dir.Path, Options)) Sample.WriteAll(writer, Mixed());
        var path = RecordingIndexFile.PathOf(dir.Path);
        var written = File.ReadAllBytes(path);
        File.Delete(path);

        var index = RecordingIndexFile.LoadOrRebuild(dir.Path, out var scanned);
        Assert.Equal(index.Segments.Count, scanned);
        Assert.Equal(written, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_stale_index_rescans_only_the_segments_it_does_not_describe()
    {
        using var dir = new TempDirectory();
        var samples = Mixed();
        using (var writer = new RecordingWriter(dir.Path, Options)) Sample.WriteAll(writer, samples.Take(700));
        var before = RecordingIndexFile.TryLoad(dir.Path)!;

        // a writer that dies without closing: its segment is on disk but not in the index
        var crashed = new RecordingWriter(dir.Path, Options with { SegmentBytes = 1L << 30 });
        Sample.WriteAll(crashed, samples.Skip(700));
        crashed.Flush();

        var index = RecordingIndexFile.LoadOrRebuild(dir.Path, out var scanned);
        Assert.Equal(1, scanned);
        Assert.Equal(before.Segments.Count + 1, index.Segments.Count);
        Assert.Equal(samples.Count, index.Records);
        Assert.Equal(samples[^1].Ticks, index.LastReceivedUtcTicks);
        crashed.Dispose();
    }

    [Fact]
    public void An_unreadable_index_is_rebuilt()
    {
        using var dir = new TempDirectory();
        using (var writer = new RecordingWriter(dir.Path, Options)) Sample.WriteAll(writer, Mixed());
        File.WriteAllText(RecordingIndexFile.PathOf(dir.Path), "{ not json");
        var index = RecordingIndexFile.LoadOrRebuild(dir.Path, out var scanned);
        Assert.True(scanned > 0);
        Assert.Equal(Mixed().Count, index.Records);
        Assert.NotNull(RecordingIndexFile.TryLoad(dir.Path));
    }

    [Fact]
    public void Segments_rotate_by_receive_time_as_well_as_size()
    {
        using var dir = new TempDirectory();
        // one frame a second for 10 minutes, 2-minute segments
        var samples = Sample.Frames(600).Select((s, i) => s with { Ticks = Sample.Start + i * TimeSpan.TicksPerSecond }).ToList();
        using (var writer = new RecordingWriter(dir.Path, new RecordingWriterOptions { SegmentAge = TimeSpan.FromMinutes(2), BlockAge = TimeSpan.FromSeconds(10) }))
            Sample.WriteAll(writer, samples);
        var index = RecordingIndexFile.TryLoad(dir.Path)!;
        Assert.Equal(5, index.Segments.Count);
        Assert.All(index.Segments, s => Assert.True(s.LastReceivedUtcTicks - s.FirstReceivedUtcTicks < TimeSpan.FromMinutes(2).Ticks));
        Assert.Equal(samples, Sample.ReadAll(dir.Path, out _));
    }
}
