namespace KalshiArb.Domain.Candles;

/// <summary>
/// One market's candles from its trade tape: fixed intervals aligned to the Unix epoch, one candle per interval that
/// had a trade (empty intervals make none), at most <see cref="Capacity"/> kept, oldest dropped first — bounded
/// memory however long the market trades. Not thread-safe: owned by one market's actor.
/// </summary>
public sealed class CandleSeries
{
    private readonly Candle[] _ring;
    private readonly long _intervalMs;
    private int _head; // index of the oldest
    private int _count;

    public CandleSeries(TimeSpan interval, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _intervalMs = (long)interval.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(_intervalMs, 1, nameof(interval));
        _ring = new Candle[capacity];
    }

    public int Capacity => _ring.Length;
    public int Count => _count;
    public TimeSpan Interval => TimeSpan.FromMilliseconds(_intervalMs);

    /// <summary>The <paramref name="i"/>-th kept candle, oldest first.</summary>
    public Candle this[int i] =>
        (uint)i < (uint)_count ? _ring[(_head + i) % _ring.Length] : throw new ArgumentOutOfRangeException(nameof(i));

    /// <summary>The newest candle (it holds the last trade); null before the first trade.</summary>
    public Candle? Newest => _count == 0 ? null : this[_count - 1];

    /// <summary>Time of the newest applied trade (Unix ms).</summary>
    public long? LastTradeAtMs { get; private set; }

    public TradeTapeResult Add(Price yesPrice, Quantity count, long atMs)
    {
        if (!yesPrice.IsValid || !count.IsPositive) return TradeTapeResult.Invalid;
        var start = atMs - Mod(atMs, _intervalMs);
        if (Newest is { } newest)
        {
            if (start < newest.StartMs) return TradeTapeResult.TooOld;
            if (start == newest.StartMs)
            {
                _ring[(_head + _count - 1) % _ring.Length] = newest.With(yesPrice, count);
                LastTradeAtMs = Math.Max(LastTradeAtMs ?? atMs, atMs);
                return TradeTapeResult.Applied;
            }
        }
        if (_count == _ring.Length)
        {
            _head = (_head + 1) % _ring.Length;
            _count--;
        }
        _ring[(_head + _count) % _ring.Length] = Candle.Start(start, yesPrice, count);
        _count++;
        LastTradeAtMs = atMs;
        return TradeTapeResult.Applied;
    }

    private static long Mod(long a, long m) => ((a % m) + m) % m;
}
