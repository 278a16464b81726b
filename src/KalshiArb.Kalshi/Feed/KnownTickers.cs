namespace KalshiArb.Kalshi.Feed;

/// <summary>
/// Market tickers already checked against the grammar, found by their raw UTF-8 bytes: a hot feed repeats the same
/// few thousand tickers, so after the first frame a ticker costs one hash and one compare instead of a copy to chars,
/// the grammar check and a char-keyed lookup. Open addressing, bounded (past the cap the caller's slow path answers).
/// Not thread-safe (one per parser).
/// </summary>
internal sealed class KnownTickers
{
    private readonly byte[]?[] _keys;
    private readonly string?[] _values;
    private readonly int _mask;
    private readonly int _cap;
    private int _count;

    public KnownTickers(int capacity)
    {
        var size = 1;
        while (size < capacity * 2) size <<= 1;
        _keys = new byte[]?[size];
        _values = new string?[size];
        _mask = size - 1;
        _cap = capacity;
    }

    public string? Find(ReadOnlySpan<byte> utf8)
    {
        for (var i = Slot(utf8); ; i = (i + 1) & _mask)
        {
            var key = _keys[i];
            if (key is null) return null;
            if (utf8.SequenceEqual(key)) return _values[i];
        }
    }

    /// <summary>Remembers a ticker that passed the grammar check; ignored once the table holds its capacity.</summary>
    public void Add(ReadOnlySpan<byte> utf8, string ticker)
    {
        if (_count >= _cap) return;
        for (var i = Slot(utf8); ; i = (i + 1) & _mask)
        {
            var key = _keys[i];
            if (key is not null && !utf8.SequenceEqual(key)) continue;
            if (key is null)
            {
                _keys[i] = utf8.ToArray();
                _values[i] = ticker;
                _count++;
            }
            return;
        }
    }

    private int Slot(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & _mask;
    }
}
