namespace KalshiArb.Recording.Synthetic;

/// <summary>A batch of generated records: payloads packed in one reused arena, so generating costs no allocation per record.</summary>
public sealed class SyntheticBatch(int capacity = 16_384)
{
    private byte[] _arena = new byte[capacity * 320];
    private readonly RecordKind[] _kinds = new RecordKind[capacity];
    private readonly long[] _ticks = new long[capacity];
    private readonly uint[] _sources = new uint[capacity];
    private readonly string?[] _keys = new string?[capacity];
    private readonly int[] _starts = new int[capacity];
    private readonly int[] _lengths = new int[capacity];
    private int _used;

    public int Capacity => capacity;
    public int Count { get; private set; }
    public bool IsFull => Count == capacity;

    public RecordKind Kind(int i) => _kinds[i];
    public long Ticks(int i) => _ticks[i];
    public uint Source(int i) => _sources[i];
    public string? Key(int i) => _keys[i];
    public ReadOnlySpan<byte> Payload(int i) => _arena.AsSpan(_starts[i], _lengths[i]);

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>Room for a payload of up to maxBytes at the arena's end; the writer then calls <see cref="Commit"/>.</summary>
    internal Span<byte> Reserve(int maxBytes)
    {
        if (_used + maxBytes > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + maxBytes));
        return _arena.AsSpan(_used, maxBytes);
    }

    internal void Commit(RecordKind kind, long ticks, uint source, string? key, int length)
    {
        _kinds[Count] = kind;
        _ticks[Count] = ticks;
        _sources[Count] = source;
        _keys[Count] = key;
        _starts[Count] = _used;
        _lengths[Count] = length;
        _used += length;
        Count++;
    }
}
