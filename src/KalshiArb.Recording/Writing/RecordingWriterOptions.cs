namespace KalshiArb.Recording.Writing;

/// <summary>
/// How a recording is cut and made durable. A block is sealed (compressed, written and handed to the OS) at
/// <see cref="BlockBytes"/> of raw records or when its first record is <see cref="BlockAge"/> old, so a kill -9
/// loses at most that much. Segments rotate by size or age; the index is rewritten on each rotation and on close.
/// </summary>
public sealed record RecordingWriterOptions
{
    public int BlockBytes { get; init; } = 64 * 1024;
    public TimeSpan BlockAge { get; init; } = TimeSpan.FromSeconds(1);
    public long SegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Rotate when a segment spans this much receive time; zero or less: by size only.</summary>
    public TimeSpan SegmentAge { get; init; } = TimeSpan.FromMinutes(15);

    public BlockCodec Codec { get; init; } = BlockCodec.Brotli;
    public int BrotliQuality { get; init; } = BlockCompression.DefaultBrotliQuality;

    /// <summary>fsync after every block (survives an OS crash, costs a disk flush per block); otherwise only on rotate and close.</summary>
    public bool FsyncEveryBlock { get; init; }

    /// <summary>Stamps segment headers' created time (tests and the generator fix it for byte-identical files).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public void Validate()
    {
        if (BlockBytes is < 1024 or > 16 * 1024 * 1024) throw new ArgumentOutOfRangeException(nameof(BlockBytes), BlockBytes, "1 KB to 16 MB");
        if (BlockAge <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(BlockAge), BlockAge, "must be positive");
        if (SegmentBytes < BlockBytes) throw new ArgumentOutOfRangeException(nameof(SegmentBytes), SegmentBytes, "at least one block");
        if (!Enum.IsDefined(Codec)) throw new ArgumentOutOfRangeException(nameof(Codec), Codec, "unknown codec");
        if (BrotliQuality is < 0 or > 11) throw new ArgumentOutOfRangeException(nameof(BrotliQuality), BrotliQuality, "0 to 11");
    }
}
