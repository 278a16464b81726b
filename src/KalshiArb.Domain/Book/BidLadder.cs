namespace KalshiArb.Domain.Book;

/// <summary>
/// One side's bids as parallel sorted arrays (ascending price, best bid last, as Kalshi lists them).
/// Sparse so a book costs a few hundred bytes; updates near the top of book shift little.
/// Mutation never allocates except the rare capacity doubling.
/// </summary>
public sealed class BidLadder
{
    private const int InitialCapacity = 8;

    private int[] _ticks = new int[InitialCapacity];
    private long[] _sizes = new long[InitialCapacity];
    private int _count;

    /// <summary>Number of non-empty levels.</summary>
    public int Count => _count;

    public bool IsEmpty => _count == 0;

    /// <summary>The best (highest) bid, or null when the side is empty.</summary>
    public BookLevel? Best => _count == 0 ? null : LevelAt(_count - 1);

    /// <summary>Level by depth, best first (0 = best bid).</summary>
    public BookLevel FromBest(int depth)
    {
        if ((uint)depth >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(depth));
        return LevelAt(_count - 1 - depth);
    }

    /// <summary>Size resting at <paramref name="price"/>, zero when no level.</summary>
    public Quantity SizeAt(Price price)
    {
        var i = IndexOf(price.Ticks);
        return i >= 0 ? new Quantity(_sizes[i]) : Quantity.Zero;
    }

    /// <summary>Total size bid at or above <paramref name="floor"/>.</summary>
    public Quantity SizeAtOrAbove(Price floor)
    {
        long total = 0;
        for (var i = _count - 1; i >= 0 && _ticks[i] >= floor.Ticks; i--) total += _sizes[i];
        return new Quantity(total);
    }

    internal int RawTicksFromBest(int depth) => _ticks[_count - 1 - depth];
    internal long RawSizeFromBest(int depth) => _sizes[_count - 1 - depth];

    private BookLevel LevelAt(int i) => new(new Price(_ticks[i]), new Quantity(_sizes[i]));

    internal void Clear() => _count = 0;

    /// <summary>Adds a level during a snapshot load; false when the price is already present.</summary>
    internal bool TryLoad(int ticks, long size)
    {
        var i = IndexOf(ticks);
        if (i >= 0) return false;
        InsertAt(~i, ticks, size);
        return true;
    }

    /// <summary>Applies a signed change; refuses (and leaves the level alone) if it would go negative.</summary>
    internal BookUpdateResult ApplyDelta(int ticks, long delta)
    {
        var i = IndexOf(ticks);
        if (i >= 0)
        {
            var next = _sizes[i] + delta;
            if (next < 0) return BookUpdateResult.NegativeLevel;
            if (next == 0) RemoveAt(i);
            else _sizes[i] = next;
            return BookUpdateResult.Applied;
        }
        if (delta < 0) return BookUpdateResult.NegativeLevel;
        if (delta > 0) InsertAt(~i, ticks, delta);
        return BookUpdateResult.Applied;
    }

    /// <summary>Binary search: index if found, else the bitwise complement of the insertion point.</summary>
    private int IndexOf(int ticks)
    {
        // Most traffic is near the top of book: check the best level before searching.
        if (_count > 0 && _ticks[_count - 1] == ticks) return _count - 1;
        var lo = 0;
        var hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var t = _ticks[mid];
            if (t == ticks) return mid;
            if (t < ticks) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    private void InsertAt(int index, int ticks, long size)
    {
        if (_count == _ticks.Length)
        {
            Array.Resize(ref _ticks, _count * 2);
            Array.Resize(ref _sizes, _count * 2);
        }
        if (index < _count)
        {
            Array.Copy(_ticks, index, _ticks, index + 1, _count - index);
            Array.Copy(_sizes, index, _sizes, index + 1, _count - index);
        }
        _ticks[index] = ticks;
        _sizes[index] = size;
        _count++;
    }

    private void RemoveAt(int index)
    {
        _count--;
        if (index < _count)
        {
            Array.Copy(_ticks, index + 1, _ticks, index, _count - index);
            Array.Copy(_sizes, index + 1, _sizes, index, _count - index);
        }
    }
}
