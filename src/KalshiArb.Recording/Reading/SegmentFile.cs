using Microsoft.Win32.SafeHandles;

namespace KalshiArb.Recording.Reading;

/// <summary>
/// Walks one segment file block by block with positioned reads (no stream state): header, then each block header,
/// payload, CRC and decompression. Shared by the reader, the index rebuild and the writer's crash recovery.
/// </summary>
internal sealed class SegmentFile : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly byte[] _headerBytes = new byte[BlockHeader.Size];
    private BlockCompression? _compression;

    private SegmentFile(string path, SafeFileHandle file, long length)
    {
        Path = path;
        _file = file;
        Length = length;
    }

    public string Path { get; }
    public string Name => System.IO.Path.GetFileName(Path);
    public long Length { get; }
    public SegmentHeader Header { get; private set; }

    /// <summary>Offset of the next block header.</summary>
    public long Offset { get; private set; }

    public static SegmentFile? Open(string path, out RecordingFaultReason reason)
    {
        reason = RecordingFaultReason.None;
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException) { reason = RecordingFaultReason.SegmentUnreadable; return null; }
        catch (UnauthorizedAccessException) { reason = RecordingFaultReason.SegmentUnreadable; return null; }
        var segment = new SegmentFile(path, handle, RandomAccess.GetLength(handle));
        Span<byte> bytes = stackalloc byte[SegmentHeader.Size];
        var read = segment.ReadAt(0, bytes);
        if (SegmentHeader.TryRead(bytes[..read], out reason) is not { } header)
        {
            segment.Dispose();
            return null;
        }
        segment.Header = header;
        segment.Offset = SegmentHeader.Size;
        return segment;
    }

    public bool AtEnd => Offset >= Length;

    /// <summary>Reads the next block header; on a fault the offset stays at the bad block.</summary>
    public BlockHeader? ReadBlockHeader(out RecordingFaultReason reason)
    {
        var read = ReadAt(Offset, _headerBytes);
        return BlockHeader.TryRead(_headerBytes.AsSpan(0, read), out reason);
    }

    /// <summary>Moves past a block whose header was read, without reading its payload (seek).</summary>
    public bool Skip(in BlockHeader header)
    {
        var end = Offset + BlockHeader.Size + header.CompressedLength;
        if (end > Length) return false;
        Offset = end;
        return true;
    }

    /// <summary>Reads, checks and decompresses a block's payload into raw (grown as needed), then moves past it.</summary>
    public RecordingFaultReason LoadBlock(in BlockHeader header, ref byte[] compressed, ref byte[] raw)
    {
        if (Offset + BlockHeader.Size + header.CompressedLength > Length) return RecordingFaultReason.TruncatedBlockPayload;
        if (compressed.Length < header.CompressedLength) compressed = new byte[Grow(header.CompressedLength)];
        if (ReadAt(Offset + BlockHeader.Size, compressed.AsSpan(0, header.CompressedLength)) != header.CompressedLength)
            return RecordingFaultReason.TruncatedBlockPayload;
        if (Crc32.Compute(compressed.AsSpan(0, header.CompressedLength)) != header.PayloadCrc) return RecordingFaultReason.BlockPayloadChecksum;
        if (raw.Length < header.RawLength) raw = new byte[Grow(header.RawLength)];
        _compression ??= new BlockCompression(Header.Codec);
        if (!_compression.TryDecompress(compressed, header.CompressedLength, raw.AsSpan(0, header.RawLength)))
            return RecordingFaultReason.DecompressionFailed;
        Offset += BlockHeader.Size + header.CompressedLength;
        return RecordingFaultReason.None;
    }

    /// <summary>Reads the next block whole (header, payload, CRC, decompression); on a fault the offset stays at the bad block.</summary>
    public RecordingFaultReason LoadNextBlock(ref byte[] compressed, ref byte[] raw, out BlockHeader header)
    {
        header = default;
        if (ReadBlockHeader(out var reason) is not { } h) return reason;
        header = h;
        return LoadBlock(h, ref compressed, ref raw);
    }

    /// <summary>
    /// True when a valid block header (magic and header CRC) starts anywhere after the given offset: then a bad block
    /// at that offset is corruption in the middle, not a torn tail. Only runs on the error path.
    /// </summary>
    public bool ValidBlockFollows(long badOffset)
    {
        const int chunk = 1 << 20;
        var buffer = new byte[chunk + BlockHeader.Size];
        for (var start = badOffset + 1; start < Length; start += chunk)
        {
            var read = ReadAt(start, buffer);
            var limit = Math.Min(read, chunk);
            for (var i = 0; i < limit; i++)
            {
                if (buffer[i] != (byte)'K' || i + BlockHeader.Size > read) continue;
                if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) != BinaryPrimitives.ReadUInt32LittleEndian(BlockHeader.Magic)) continue;
                if (BlockHeader.TryRead(buffer.AsSpan(i, BlockHeader.Size), out _) is not null) return true;
            }
        }
        return false;
    }

    private int ReadAt(long offset, Span<byte> dest)
    {
        var total = 0;
        while (total < dest.Length && offset + total < Length)
        {
            var n = RandomAccess.Read(_file, dest[total..], offset + total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static int Grow(int needed) => (int)Math.Min(BlockHeader.MaxLength, Math.Max(64 * 1024, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)needed)));

    public void Dispose() => _file.Dispose();
}
