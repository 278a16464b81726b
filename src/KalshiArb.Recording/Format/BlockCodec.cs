namespace KalshiArb.Recording.Format;

/// <summary>How block payloads are compressed (one byte in the segment header; every block of a segment uses it).</summary>
public enum BlockCodec : byte
{
    /// <summary>Brotli (RFC 7932) at a fast quality with a 64 KB window (BrotliEncoder/BrotliDecoder, no streams).</summary>
    Brotli = 1,

    /// <summary>Raw deflate (RFC 1951) at CompressionLevel.Fastest.</summary>
    Deflate = 2,
}
