namespace KalshiArb.Recording.Format;

/// <summary>
/// A record inside an uncompressed block: kind (u8), zigzag varint of receive ticks minus the previous record's
/// (the block's MinReceivedTicks for the first), varint source id, varint key reference, varint payload length +
/// payload bytes. The key reference is 0 for no key, 1..n for the n-th key already spelled out in this block, or
/// n + 1 for a new key, followed by its varint length and UTF-8 bytes. A ticker is thus written once per block,
/// not once per frame (it was 15 % of the raw bytes), and each block still decodes alone.
/// </summary>
internal static class RecordLayout
{
    public const int MaxKeyBytes = 1024;

    public static int MaxEncodedLength(int keyChars, int payloadLength) =>
        1 + 4 * Varint.MaxBytes + Varint.MaxBytes + keyChars * 3 + payloadLength;

    public static int Write(Span<byte> dest, RecordKind kind, long deltaTicks, uint sourceId, string? key, BlockKeys keys, ReadOnlySpan<byte> payload)
    {
        dest[0] = (byte)kind;
        var pos = 1;
        pos += Varint.Write(dest[pos..], Varint.ZigZag(deltaTicks));
        pos += Varint.Write(dest[pos..], sourceId);
        if (string.IsNullOrEmpty(key)) dest[pos++] = 0;
        else if (keys.TryGet(key, out var reference)) pos += Varint.Write(dest[pos..], (ulong)reference);
        else
        {
            var keyBytes = Encoding.UTF8.GetByteCount(key);
            if (keyBytes > MaxKeyBytes) throw new ArgumentException($"record key over {MaxKeyBytes} bytes", nameof(key));
            pos += Varint.Write(dest[pos..], (ulong)keys.Add(key));
            pos += Varint.Write(dest[pos..], (ulong)keyBytes);
            pos += Encoding.UTF8.GetBytes(key, dest[pos..]);
        }
        pos += Varint.Write(dest[pos..], (ulong)payload.Length);
        payload.CopyTo(dest[pos..]);
        return pos + payload.Length;
    }

    /// <summary>Reads the record at pos of a block; false when it is malformed (a writer bug or undetected corruption).</summary>
    public static bool TryRead(byte[] block, int length, ref int pos, ref long ticks, KeySpans keys, out RecordedMessage message)
    {
        message = default;
        var span = block.AsSpan(0, length);
        if (pos >= span.Length || !RecordKinds.IsKnown(span[pos])) return false;
        var kind = (RecordKind)span[pos++];
        if (!Varint.TryRead(span, ref pos, out var delta) || !Varint.TryRead(span, ref pos, out var source) || source > uint.MaxValue) return false;
        if (!Varint.TryRead(span, ref pos, out var reference) || reference > (ulong)keys.Count + 1) return false;
        ReadOnlyMemory<byte> key = default;
        if (reference == (ulong)keys.Count + 1)
        {
            if (!Varint.TryRead(span, ref pos, out var keyLength) || keyLength > MaxKeyBytes || (ulong)(span.Length - pos) < keyLength) return false;
            key = new ReadOnlyMemory<byte>(block, pos, (int)keyLength);
            keys.Add(pos, (int)keyLength);
            pos += (int)keyLength;
        }
        else if (reference > 0) key = keys.Get(block, (int)reference);
        if (!Varint.TryRead(span, ref pos, out var payloadLength) || (ulong)(span.Length - pos) < payloadLength) return false;
        ticks += Varint.UnZigZag(delta);
        message = new RecordedMessage(kind, ticks, (uint)source, key, new ReadOnlyMemory<byte>(block, pos, (int)payloadLength));
        pos += (int)payloadLength;
        return true;
    }
}

/// <summary>The writer's keys of the block being filled: key → reference (1-based). Cleared when a block is sealed.</summary>
internal sealed class BlockKeys
{
    private readonly Dictionary<string, int> _references = new(StringComparer.Ordinal);
    private string? _lastKey;
    private int _lastReference;

    public bool TryGet(string key, out int reference)
    {
        // The feed passes the same interned ticker string for a market: a repeat skips the hash.
        if (ReferenceEquals(key, _lastKey)) { reference = _lastReference; return true; }
        if (!_references.TryGetValue(key, out reference)) return false;
        _lastKey = key;
        _lastReference = reference;
        return true;
    }

    public int Add(string key)
    {
        var reference = _references.Count + 1;
        _references.Add(key, reference);
        _lastKey = key;
        _lastReference = reference;
        return reference;
    }

    public void Clear()
    {
        _references.Clear();
        _lastKey = null;
    }
}

/// <summary>The reader's keys of the current block: where each one's bytes sit in the block buffer.</summary>
internal sealed class KeySpans
{
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];

    public int Count { get; private set; }

    public void Add(int start, int length)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }
        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
    }

    public ReadOnlyMemory<byte> Get(byte[] block, int reference) => new(block, _starts[reference - 1], _lengths[reference - 1]);

    public void Clear() => Count = 0;
}
