using System.Text;

namespace KalshiArb.Recording.Format;

/// <summary>
/// A record inside an uncompressed block: kind (u8), zigzag varint of receive ticks minus the previous record's
/// (the block's MinReceivedTicks for the first), varint source id, varint key length + UTF-8 key, varint payload
/// length + payload bytes.
/// </summary>
internal static class RecordLayout
{
    public const int MaxKeyBytes = 1024;

    public static int MaxEncodedLength(int keyChars, int payloadLength) =>
        1 + 3 * Varint.MaxBytes + Varint.MaxBytes + keyChars * 3 + payloadLength;

    public static int Write(Span<byte> dest, RecordKind kind, long deltaTicks, uint sourceId, string? key, ReadOnlySpan<byte> payload)
    {
        dest[0] = (byte)kind;
        var pos = 1;
        pos += Varint.Write(dest[pos..], Varint.ZigZag(deltaTicks));
        pos += Varint.Write(dest[pos..], sourceId);
        if (string.IsNullOrEmpty(key)) dest[pos++] = 0;
        else
        {
            var keyBytes = Encoding.UTF8.GetByteCount(key);
            if (keyBytes > MaxKeyBytes) throw new ArgumentException($"record key over {MaxKeyBytes} bytes", nameof(key));
            pos += Varint.Write(dest[pos..], (ulong)keyBytes);
            pos += Encoding.UTF8.GetBytes(key, dest[pos..]);
        }
        pos += Varint.Write(dest[pos..], (ulong)payload.Length);
        payload.CopyTo(dest[pos..]);
        return pos + payload.Length;
    }

    /// <summary>Reads the record at pos of a block; false when it is malformed (a writer bug or undetected corruption).</summary>
    public static bool TryRead(byte[] block, int length, ref int pos, ref long ticks, out RecordedMessage message)
    {
        message = default;
        var span = block.AsSpan(0, length);
        if (pos >= span.Length || !RecordKinds.IsKnown(span[pos])) return false;
        var kind = (RecordKind)span[pos++];
        if (!Varint.TryRead(span, ref pos, out var delta) || !Varint.TryRead(span, ref pos, out var source) || source > uint.MaxValue) return false;
        if (!Varint.TryRead(span, ref pos, out var keyLength) || keyLength > MaxKeyBytes || (ulong)(span.Length - pos) < keyLength) return false;
        var keyStart = pos;
        pos += (int)keyLength;
        if (!Varint.TryRead(span, ref pos, out var payloadLength) || (ulong)(span.Length - pos) < payloadLength) return false;
        ticks += Varint.UnZigZag(delta);
        message = new RecordedMessage(kind, ticks, (uint)source, new ReadOnlyMemory<byte>(block, keyStart, (int)keyLength), new ReadOnlyMemory<byte>(block, pos, (int)payloadLength));
        pos += (int)payloadLength;
        return true;
    }
}
