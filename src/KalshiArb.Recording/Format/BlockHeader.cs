namespace KalshiArb.Recording.Format;

/// <summary>
/// The 40 bytes before each compressed block: magic "KBLK", uncompressed length (u32), compressed length (u32),
/// record count (u32), earliest and latest receive time in the block (UTC ticks, i64 each), CRC-32 of the
/// compressed bytes (u32), CRC-32 of header bytes 0..35 (u32). The header CRC lets a reader trust the lengths
/// before it reads the payload, so a torn or garbage tail is told apart from a real block.
/// </summary>
public readonly record struct BlockHeader(int RawLength, int CompressedLength, int RecordCount, long MinReceivedTicks, long MaxReceivedTicks, uint PayloadCrc)
{
    public const int Size = 40;

    /// <summary>No block is larger than this either way (a guard against garbage lengths; the writer's blocks are ~64 KB).</summary>
    public const int MaxLength = 256 * 1024 * 1024;

    public static ReadOnlySpan<byte> Magic => "KBLK"u8;

    public void WriteTo(Span<byte> dest)
    {
        Magic.CopyTo(dest);
        BinaryPrimitives.WriteInt32LittleEndian(dest[4..], RawLength);
        BinaryPrimitives.WriteInt32LittleEndian(dest[8..], CompressedLength);
        BinaryPrimitives.WriteInt32LittleEndian(dest[12..], RecordCount);
        BinaryPrimitives.WriteInt64LittleEndian(dest[16..], MinReceivedTicks);
        BinaryPrimitives.WriteInt64LittleEndian(dest[24..], MaxReceivedTicks);
        BinaryPrimitives.WriteUInt32LittleEndian(dest[32..], PayloadCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(dest[36..], Crc32.Compute(dest[..36]));
    }

    public static BlockHeader? TryRead(ReadOnlySpan<byte> src, out RecordingFaultReason reason)
    {
        reason = RecordingFaultReason.None;
        if (src.Length < Size) { reason = RecordingFaultReason.TruncatedBlockHeader; return null; }
        if (!src[..4].SequenceEqual(Magic)) { reason = RecordingFaultReason.BadBlockMagic; return null; }
        if (BinaryPrimitives.ReadUInt32LittleEndian(src[36..]) != Crc32.Compute(src[..36])) { reason = RecordingFaultReason.BlockHeaderChecksum; return null; }
        var header = new BlockHeader(
            BinaryPrimitives.ReadInt32LittleEndian(src[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(src[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(src[12..]),
            BinaryPrimitives.ReadInt64LittleEndian(src[16..]),
            BinaryPrimitives.ReadInt64LittleEndian(src[24..]),
            BinaryPrimitives.ReadUInt32LittleEndian(src[32..]));
        if (header.RawLength is < 0 or > MaxLength || header.CompressedLength is < 0 or > MaxLength || header.RecordCount < 0)
        {
            reason = RecordingFaultReason.BlockLengthOutOfRange;
            return null;
        }
        return header;
    }
}
