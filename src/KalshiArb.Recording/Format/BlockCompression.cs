using System.IO.Compression;

namespace KalshiArb.Recording.Format;

/// <summary>Compresses and decompresses one block payload with a segment's codec. One instance per writer or reader (it reuses a stream for deflate).</summary>
public sealed class BlockCompression(BlockCodec codec, int brotliQuality = BlockCompression.DefaultBrotliQuality)
{
    public const int DefaultBrotliQuality = 1;

    // 64 KB window: blocks are about that big, and a small window keeps the encoder's memory and setup small.
    private const int BrotliWindowBits = 16;

    private readonly MemoryStream _deflateOut = new();

    public BlockCodec Codec => codec;

    public static int MaxCompressedLength(int rawLength) =>
        // Brotli's bound covers deflate's stored-block worst case (5 bytes per 64 KB) as well.
        (int)Math.Min(int.MaxValue, BrotliEncoder.GetMaxCompressedLength(rawLength) + 64);

    /// <summary>Compresses raw into dest (sized by <see cref="MaxCompressedLength"/>); returns the compressed length.</summary>
    public int Compress(ReadOnlySpan<byte> raw, Span<byte> dest)
    {
        switch (codec)
        {
            case BlockCodec.Brotli:
                if (!BrotliEncoder.TryCompress(raw, dest, out var written, brotliQuality, BrotliWindowBits))
                    throw new InvalidOperationException($"brotli could not compress {raw.Length} bytes into {dest.Length}");
                return written;
            case BlockCodec.Deflate:
                _deflateOut.SetLength(0);
                using (var z = new DeflateStream(_deflateOut, CompressionLevel.Fastest, leaveOpen: true))
                    z.Write(raw);
                var length = (int)_deflateOut.Length;
                _deflateOut.GetBuffer().AsSpan(0, length).CopyTo(dest);
                return length;
            default:
                throw new InvalidOperationException($"unknown codec {codec}");
        }
    }

    /// <summary>Decompresses exactly dest.Length bytes; false when the payload does not decode to that many bytes.</summary>
    public bool TryDecompress(byte[] compressed, int compressedLength, Span<byte> dest)
    {
        try
        {
            switch (codec)
            {
                case BlockCodec.Brotli:
                    return BrotliDecoder.TryDecompress(compressed.AsSpan(0, compressedLength), dest, out var written) && written == dest.Length;
                case BlockCodec.Deflate:
                    using (var z = new DeflateStream(new MemoryStream(compressed, 0, compressedLength, writable: false), CompressionMode.Decompress))
                    {
                        var total = 0;
                        while (total < dest.Length)
                        {
                            var n = z.Read(dest[total..]);
                            if (n == 0) return false;
                            total += n;
                        }
                        return z.Read(stackalloc byte[1]) == 0;
                    }
                default:
                    return false;
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
