namespace KalshiArb.Recording.Format;

/// <summary>LEB128 unsigned varints and zigzag for signed deltas (a record's time can step back across connections).</summary>
internal static class Varint
{
    public const int MaxBytes = 10;

    public static int Write(Span<byte> dest, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            dest[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        dest[i++] = (byte)value;
        return i;
    }

    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    /// <summary>Reads a varint at pos; false when it runs past the end or over 10 bytes (a corrupt record).</summary>
    public static bool TryRead(ReadOnlySpan<byte> src, ref int pos, out ulong value)
    {
        value = 0;
        var shift = 0;
        while (pos < src.Length && shift < 64)
        {
            var b = src[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return true;
            shift += 7;
        }
        return false;
    }
}
