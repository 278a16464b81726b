namespace KalshiArb.Recording.Format;

/// <summary>
/// The 32 bytes that open a segment: magic "KAREC-SG", format version (u16), codec (u8), reserved (u8),
/// segment number (u32), created UTC ticks (i64), reserved (u32), CRC-32 of bytes 0..27. Little-endian.
/// </summary>
public readonly record struct SegmentHeader(ushort Version, BlockCodec Codec, uint Number, long CreatedUtcTicks)
{
    public const int Size = 32;
    public const ushort CurrentVersion = 1;
    public static ReadOnlySpan<byte> Magic => "KAREC-SG"u8;

    public void WriteTo(Span<byte> dest)
    {
        dest[..Size].Clear();
        Magic.CopyTo(dest);
        BinaryPrimitives.WriteUInt16LittleEndian(dest[8..], Version);
        dest[10] = (byte)Codec;
        BinaryPrimitives.WriteUInt32LittleEndian(dest[12..], Number);
        BinaryPrimitives.WriteInt64LittleEndian(dest[16..], CreatedUtcTicks);
        BinaryPrimitives.WriteUInt32LittleEndian(dest[28..], Crc32.Compute(dest[..28]));
    }

    /// <summary>Parses and checks a header; null with the reason when it is not one this reader understands.</summary>
    public static SegmentHeader? TryRead(ReadOnlySpan<byte> src, out RecordingFaultReason reason)
    {
        reason = RecordingFaultReason.None;
        if (src.Length < Size) { reason = RecordingFaultReason.TruncatedSegmentHeader; return null; }
        if (!src[..8].SequenceEqual(Magic)) { reason = RecordingFaultReason.BadSegmentMagic; return null; }
        if (BinaryPrimitives.ReadUInt32LittleEndian(src[28..]) != Crc32.Compute(src[..28])) { reason = RecordingFaultReason.SegmentHeaderChecksum; return null; }
        var version = BinaryPrimitives.ReadUInt16LittleEndian(src[8..]);
        if (version != CurrentVersion) { reason = RecordingFaultReason.UnsupportedVersion; return null; }
        var codec = (BlockCodec)src[10];
        if (!Enum.IsDefined(codec)) { reason = RecordingFaultReason.UnsupportedCodec; return null; }
        return new SegmentHeader(version, codec, BinaryPrimitives.ReadUInt32LittleEndian(src[12..]), BinaryPrimitives.ReadInt64LittleEndian(src[16..]));
    }
}
