using FsCheck.Xunit;

namespace KalshiArb.Recording.Tests;

public sealed class RoundTripSpec
{
    private static readonly RecordKind[] Kinds = Enum.GetValues<RecordKind>();

    /// <summary>Tiny blocks and segments so that any sequence crosses block and segment boundaries.</summary>
    private static RecordingWriterOptions Small(BlockCodec codec) => new()
    {
        BlockBytes = 1024,
        SegmentBytes = 4096,
        BlockAge = TimeSpan.FromSeconds(5),
        SegmentAge = TimeSpan.FromMinutes(1),
        Codec = codec,
    };

    [Property(MaxTest = 60)]
    public bool Any_records_written_are_read_back_equal_and_in_order(List<(byte Kind, short DeltaMs, byte Source, byte[] Payload, byte Repeat, byte Key)> items, bool deflate)
    {
        var ticks = Sample.Start;
        var samples = new List<Sample>();
        foreach (var (kind, deltaMs, source, payload, repeat, key) in items)
        {
            // time may step back (several connections); payloads from empty to a few KB (bigger than a block)
            ticks += deltaMs * TimeSpan.TicksPerMillisecond + (deltaMs % 7);
            var bytes = Enumerable.Repeat(payload ?? [], 1 + repeat % 40).SelectMany(b => b).ToArray();
            samples.Add(new Sample(Kinds[kind % Kinds.Length], ticks, (uint)source * 1_000_003u, key % 5 == 0 ? null : $"KX-M{key % 50}", bytes));
        }
        using var dir = new TempDirectory();
        using (var writer = new RecordingWriter(dir.Path, Small(deflate ? BlockCodec.Deflate : BlockCodec.Brotli)))
            Sample.WriteAll(writer, samples);
        var read = Sample.ReadAll(dir.Path, out var reader);
        return reader.Status == ReadStatus.Complete && reader.Fault is null && read.SequenceEqual(samples);
    }

    [Fact]
    public void Records_cross_blocks_and_segments_and_the_writer_counts_them()
    {
        using var dir = new TempDirectory();
        var samples = Sample.Frames(3_000);
        RecordingWriter writer;
        using (writer = new RecordingWriter(dir.Path, Small(BlockCodec.Brotli) with { SegmentBytes = 16 * 1024 }))
            Sample.WriteAll(writer, samples);

        var read = Sample.ReadAll(dir.Path, out var reader);
        Assert.Equal(samples, read);
        Assert.Equal(ReadStatus.Complete, reader.Status);
        Assert.True(writer.SegmentsWritten > 3, $"segments {writer.SegmentsWritten}");
        Assert.Equal(writer.SegmentsWritten, SegmentFiles.List(dir.Path).Count);
        Assert.Equal(writer.BlocksWritten, reader.BlocksRead);
        Assert.Equal(writer.RawBytesWritten, reader.RawBytesRead);
        Assert.Equal(3_000, writer.RecordsWritten);
    }

    [Fact]
    public void An_empty_recording_reads_as_complete_with_no_records()
    {
        using var dir = new TempDirectory();
        new RecordingWriter(dir.Path).Dispose();
        Assert.Empty(Sample.ReadAll(dir.Path, out var reader));
        Assert.Equal(ReadStatus.Complete, reader.Status);
        Assert.Empty(SegmentFiles.List(dir.Path));
    }

    [Fact]
    public void A_block_older_than_its_age_is_sealed_by_the_next_record_or_by_FlushIfDue()
    {
        using var dir = new TempDirectory();
        using var writer = new RecordingWriter(dir.Path, new RecordingWriterOptions { BlockAge = TimeSpan.FromSeconds(1) });
        writer.Append(RecordKind.MarketDataFrame, Sample.Start, 1, "{}"u8);
        writer.Append(RecordKind.MarketDataFrame, Sample.Start + TimeSpan.TicksPerMillisecond * 999, 1, "{}"u8);
        Assert.Equal(0, writer.BlocksWritten);
        writer.Append(RecordKind.MarketDataFrame, Sample.Start + TimeSpan.TicksPerSecond, 1, "{}"u8);
        Assert.Equal(1, writer.BlocksWritten);
        writer.FlushIfDue(Sample.Start + TimeSpan.TicksPerSecond * 3 / 2);
        Assert.Equal(1, writer.BlocksWritten);
        writer.FlushIfDue(Sample.Start + TimeSpan.TicksPerSecond * 2);
        Assert.Equal(2, writer.BlocksWritten);

        // what a reader sees while the writer is still open: both sealed blocks, nothing torn
        var read = Sample.ReadAll(dir.Path, out var reader);
        Assert.Equal(3, read.Count);
        Assert.Equal(ReadStatus.Complete, reader.Status);
    }

    [Fact]
    public void Seek_starts_at_the_first_record_at_or_after_the_time()
    {
        using var dir = new TempDirectory();
        var samples = Sample.Frames(5_000);
        using (var writer = new RecordingWriter(dir.Path, Small(BlockCodec.Brotli)))
            Sample.WriteAll(writer, samples);
        var from = samples[3_217].Ticks;
        using var reader = RecordingReader.Open(dir.Path);
        reader.SeekTo(from);
        var read = new List<long>();
        while (reader.TryRead(out var m)) read.Add(m.ReceivedUtcTicks);
        Assert.Equal(samples.Skip(3_217).Select(s => s.Ticks), read);
        Assert.True(reader.BlocksRead < 2_000, "earlier blocks were skipped by header");
    }

    [Fact]
    public void A_second_writer_on_the_same_directory_is_refused_until_the_first_closes()
    {
        using var dir = new TempDirectory();
        var first = new RecordingWriter(dir.Path);
        var refused = Assert.Throws<IOException>(() => new RecordingWriter(dir.Path));
        Assert.Contains("already being written", refused.Message);
        first.Dispose();
        new RecordingWriter(dir.Path).Dispose();
    }
}
