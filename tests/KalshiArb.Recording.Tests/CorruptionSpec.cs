namespace KalshiArb.Recording.Tests;

/// <summary>Damage before the end is not a torn tail: the reader stops with the reason, segment and offset, and never throws.</summary>
public sealed class CorruptionSpec
{
    private static (TempDirectory Dir, List<Sample> Samples) Recording(long segmentBytes = 1L << 30)
    {
        var dir = new TempDirectory();
        var samples = Sample.Frames(2_000);
        using (var writer = new RecordingWriter(dir.Path, new RecordingWriterOptions { BlockBytes = 8 * 1024, SegmentBytes = segmentBytes }))
            Sample.WriteAll(writer, samples);
        return (dir, samples);
    }

    private static int RecordsBefore(List<(long Offset, int Records)> blocks, int block) => blocks.Take(block).Sum(b => b.Records);

    [Theory]
    [InlineData(60, RecordingFaultReason.BlockPayloadChecksum)] // a payload byte
    [InlineData(-30, RecordingFaultReason.BlockHeaderChecksum)] // a length in the block header
    [InlineData(-40, RecordingFaultReason.BadBlockMagic)]
    public void A_damaged_middle_block_stops_the_read_with_a_clear_reason(int delta, RecordingFaultReason expected)
    {
        var (dir, samples) = Recording();
        using var _ = dir;
        var segment = SegmentFiles.List(dir.Path).Single().Path;
        var blocks = SegmentLayout.Blocks(segment);
        var middle = blocks.Count / 2;
        var bytes = File.ReadAllBytes(segment);
        var at = delta >= 0 ? blocks[middle].Offset + BlockHeader.Size + delta : blocks[middle].Offset + BlockHeader.Size + delta;
        bytes[at] ^= 0x08;
        File.WriteAllBytes(segment, bytes);

        var read = Sample.ReadAll(dir.Path, out var reader);
        Assert.Equal(ReadStatus.Corrupt, reader.Status);
        Assert.Equal(expected, reader.Fault!.Reason);
        Assert.False(reader.Fault.IsTornTail);
        Assert.Equal(blocks[middle].Offset, reader.Fault.Offset);
        Assert.Equal(Path.GetFileName(segment), reader.Fault.Segment);
        Assert.Equal(samples.Take(RecordsBefore(blocks, middle)), read);
        Assert.Contains("corrupt recording", reader.Fault.ToString());
    }

    [Fact]
    public void A_torn_block_at_the_end_of_an_earlier_segment_is_corruption()
    {
        var (dir, _) = Recording(segmentBytes: 16 * 1024);
        using var _ = dir;
        var segments = SegmentFiles.List(dir.Path);
        Assert.True(segments.Count >= 3);
        var first = segments[0].Path;
        var blocks = SegmentLayout.Blocks(first);
        using (var f = new FileStream(first, FileMode.Open)) f.SetLength(new FileInfo(first).Length - 5);

        var read = Sample.ReadAll(dir.Path, out var reader);
        Assert.Equal(ReadStatus.Corrupt, reader.Status);
        Assert.Equal(RecordingFaultReason.TruncatedBlockPayload, reader.Fault!.Reason);
        Assert.Equal(blocks[^1].Offset, reader.Fault.Offset);
        Assert.Equal(RecordsBefore(blocks, blocks.Count - 1), read.Count);
    }

    [Fact]
    public void A_segment_that_is_not_a_recording_is_named_with_its_reason()
    {
        var (dir, samples) = Recording(segmentBytes: 16 * 1024);
        using var _ = dir;
        var second = SegmentFiles.List(dir.Path)[1].Path;
        var bytes = File.ReadAllBytes(second);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(second, bytes);
        var firstRecords = SegmentLayout.Blocks(SegmentFiles.List(dir.Path)[0].Path).Sum(b => b.Records);

        var read = Sample.ReadAll(dir.Path, out var reader);
        Assert.Equal(ReadStatus.Corrupt, reader.Status);
        Assert.Equal(RecordingFaultReason.BadSegmentMagic, reader.Fault!.Reason);
        Assert.Equal(Path.GetFileName(second), reader.Fault.Segment);
        Assert.Equal(samples.Take(firstRecords), read);
    }
}
