namespace KalshiArb.Recording.Format;

/// <summary>
/// One recorded message as the reader hands it out. <see cref="Key"/> and <see cref="Payload"/> are views over the
/// reader's reused block buffer: they stay valid only until the next call to <c>TryRead</c>/<c>SeekTo</c> on the
/// same reader (copy them to keep them).
/// </summary>
public readonly record struct RecordedMessage(RecordKind Kind, long ReceivedUtcTicks, uint SourceId, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Payload)
{
    public DateTime ReceivedUtc => new(ReceivedUtcTicks, DateTimeKind.Utc);

    /// <summary>The key as text (allocates; null when the record has none).</summary>
    public string? KeyText => Key.IsEmpty ? null : Encoding.UTF8.GetString(Key.Span);
}
