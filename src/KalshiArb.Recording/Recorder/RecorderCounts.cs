namespace KalshiArb.Recording.Recorder;

/// <summary>
/// What the recorder did: records offered and written, records dropped because the queue was full or the writer had
/// failed, and records offered after the recording ended (the node is shutting down: not a loss).
/// </summary>
public sealed record RecorderCounts(long Offered, long Written, long DroppedQueueFull, long DroppedWriterFailed, string? WriterFault, long AfterEnd = 0)
{
    public long Dropped => DroppedQueueFull + DroppedWriterFailed;

    public override string ToString() =>
        $"recorded {Written:N0} of {Offered:N0} records, dropped {Dropped:N0} (queue full {DroppedQueueFull:N0}, writer failed {DroppedWriterFailed:N0})" +
        (AfterEnd == 0 ? "" : $"; {AfterEnd:N0} offered after the recording ended") +
        (WriterFault is null ? "" : $"; writer fault: {WriterFault}");
}
