using KalshiArb.Recording.Writing;

namespace KalshiArb.Recording.Synthetic;

/// <summary>Writes a generated recording (see <see cref="SyntheticMarketData"/>) into a directory; same options and seed, byte-identical files.</summary>
public static class SyntheticRecording
{
    public static SyntheticRecordingResult Write(string directory, SyntheticRecordingOptions options, RecordingWriterOptions? writerOptions = null)
    {
        // The created stamp in segment headers is the recording's start, not the wall clock, so files repeat exactly.
        var writer = new RecordingWriter(directory, (writerOptions ?? new RecordingWriterOptions()) with { Time = new FixedTime(options.StartUtc) });
        var data = new SyntheticMarketData(options);
        var batch = new SyntheticBatch();
        using (writer)
        {
            while (data.Fill(batch))
                for (var i = 0; i < batch.Count; i++)
                    writer.Append(batch.Kind(i), batch.Ticks(i), batch.Source(i), batch.Payload(i), batch.Key(i));
        }
        return new SyntheticRecordingResult(writer.RecordsWritten, writer.RawBytesWritten, writer.BytesOnDisk, writer.SegmentsWritten, data.Tickers);
    }

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc.Ticks, TimeSpan.Zero);
    }
}

public sealed record SyntheticRecordingResult(long Records, long RawBytes, long BytesOnDisk, int Segments, IReadOnlyList<string> Tickers);
