namespace KalshiArb.Recording.Reading;

/// <summary>
/// Where and why reading stopped early. A torn tail (the last block of the last segment is partial or bad and nothing
/// valid follows it: what a kill -9 leaves) ends a read cleanly; anything else is corruption.
/// </summary>
public sealed record RecordingFault(RecordingFaultReason Reason, string Segment, long Offset, bool IsTornTail)
{
    public override string ToString() =>
        $"{(IsTornTail ? "torn tail" : "corrupt recording")}: {Reason} in {Segment} at byte {Offset}";
}
