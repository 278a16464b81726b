namespace KalshiArb.Recording.Recorder;

/// <summary>What the recorder did: records offered and written, and records dropped because the queue was full or the writer had failed.</summary>
public sealed record RecorderCounts(long Offered, long Written, long DroppedQueueFull, long DroppedWriterFailed, string? WriterFault)
{
    public long Dropped => DroppedQueueFull + DroppedWriterFailed;

    public override string ToString() =>
        $"recorded {Written:N0} of {Offered:N0} records, dropped {Dropped:N0} (queue full {DroppedQueueFull:N0}, writer failed {DroppedWriterFailed:N0})" +
        (WriterFault is null ? "" : $"; writer fault: {WriterFault}");
}
