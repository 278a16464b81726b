namespace KalshiArb.Recording.Tests;

/// <summary>What a kill -9 leaves: the last segment cut anywhere. The reader returns the complete blocks and stops cleanly.</summary>
public sealed class TornTailSpec
{
    private static (TempDirectory Dir, List<Sample> Samples, string Segment, List<(long Offset, int Records)> Blocks) Recording()
    {
        var dir = new TempDirectory();
        var samples = Sample.Frames(400);
        using (var writer = new RecordingWriter(dir.Sub("rec"), new RecordingWriterOptions { BlockBytes = 8 * 1024, BlockAge = TimeSpan.FromHours(1) }))
        {
            Sample.WriteAll(writer, samples.Take(370));
            writer.Flush();
            Sample.WriteAll(writer, samples.Skip(370)); // a last block of 30 records
        }
        var segment = SegmentFiles.List(dir.Sub("rec")).Single().Path;
        return (dir, samples, segment, SegmentLayout.Blocks(segment));
    }

    [Fact]
    public void A_cut_at_every_byte_of_the_last_block_returns_exactly_the_complete_blocks()
    {
        var (dir, samples, segment, blocks) = Recording();
        using var _ = dir;
        var bytes = File.ReadAllBytes(segment);
        var lastBlock = blocks[^1].Offset;
        var complete = samples.Count - blocks[^1].Records;
        Assert.True(blocks.Count >= 4 && bytes.Length - lastBlock > 1_000, $"{blocks.Count} blocks, last {bytes.Length - lastBlock} bytes");

        var cut = dir.Sub("cut");
        Directory.CreateDirectory(cut);
        var cutFile = Path.Combine(cut, Path.GetFileName(segment));
        for (var length = (int)lastBlock; length < bytes.Length; length++)
        {
            File.WriteAllBytes(cutFile, bytes.AsSpan(0, length).ToArray());
            var read = Sample.ReadAll(cut, out var reader);
            Assert.Equal(complete, read.Count);
            if (length == lastBlock)
                Assert.Equal(ReadStatus.Complete, reader.Status); // a cut exactly between blocks is a clean end
            else
            {
                Assert.Equal(ReadStatus.TornTail, reader.Status);
                Assert.True(reader.Fault is { IsTornTail: true } f && f.Offset == lastBlock, $"at {length}: {reader.Fault}");
            }
        }
        Assert.Equal(samples.Take(complete), Sample.ReadAll(cut, out var last));
        Assert.Equal(ReadStatus.TornTail, last.Status);
    }

    [Fact]
    public void A_cut_inside_the_segment_header_reads_nothing_and_ends_as_torn()
    {
        var (dir, _, segment, _) = Recording();
        using var __ = dir;
        var bytes = File.ReadAllBytes(segment);
        var cut = dir.Sub("cut");
        Directory.CreateDirectory(cut);
        for (var length = 0; length < SegmentHeader.Size; length++)
        {
            File.WriteAllBytes(Path.Combine(cut, Path.GetFileName(segment)), bytes.AsSpan(0, length).ToArray());
            Assert.Empty(Sample.ReadAll(cut, out var reader));
            Assert.Equal(ReadStatus.TornTail, reader.Status);
            Assert.Equal(RecordingFaultReason.TruncatedSegmentHeader, reader.Fault!.Reason);
        }
    }

    [Theory]
    [InlineData(0)]     // zeros after the last block (pages the OS had not written)
    [InlineData(1)]     // random garbage
    public void Garbage_after_the_last_block_is_a_torn_tail(int kind)
    {
        var (dir, samples, segment, _) = Recording();
        using var _ = dir;
        var tail = new byte[3000];
        if (kind == 1) new Random(5).NextBytes(tail);
        using (var f = new FileStream(segment, FileMode.Append)) f.Write(tail);
        var read = Sample.ReadAll(dir.Sub("rec"), out var reader);
        Assert.Equal(samples, read);
        Assert.Equal(ReadStatus.TornTail, reader.Status);
    }

    [Fact]
    public void A_damaged_last_block_is_a_torn_tail_and_its_records_are_not_returned()
    {
        var (dir, samples, segment, blocks) = Recording();
        using var _ = dir;
        var bytes = File.ReadAllBytes(segment);
        bytes[^10] ^= 0x40;
        File.WriteAllBytes(segment, bytes);
        var read = Sample.ReadAll(dir.Sub("rec"), out var reader);
        Assert.Equal(samples.Take(samples.Count - blocks[^1].Records), read);
        Assert.Equal(ReadStatus.TornTail, reader.Status);
        Assert.Equal(RecordingFaultReason.BlockPayloadChecksum, reader.Fault!.Reason);
    }

    [Fact]
    public void A_writer_reopening_a_torn_recording_cuts_the_tail_and_continues_in_a_new_segment()
    {
        var (dir, samples, segment, blocks) = Recording();
        using var _ = dir;
        var rec = dir.Sub("rec");
        using (var f = new FileStream(segment, FileMode.Open)) f.SetLength(blocks[^1].Offset + 17);
        File.Delete(Path.Combine(rec, SegmentFiles.IndexFileName));

        var more = Sample.Frames(50, seed: 9).Select(s => s with { Ticks = s.Ticks + TimeSpan.TicksPerHour }).ToList();
        RecordingWriter writer;
        using (writer = new RecordingWriter(rec))
            Sample.WriteAll(writer, more);

        Assert.NotNull(writer.Recovered);
        Assert.Equal(blocks[^1].Offset, writer.Recovered!.Offset);
        Assert.Equal(blocks[^1].Offset, new FileInfo(segment).Length);
        var read = Sample.ReadAll(rec, out var reader);
        Assert.Equal(ReadStatus.Complete, reader.Status);
        Assert.Equal(samples.Take(samples.Count - blocks[^1].Records).Concat(more), read);
        Assert.Equal(2, SegmentFiles.List(rec).Count);
    }
}
