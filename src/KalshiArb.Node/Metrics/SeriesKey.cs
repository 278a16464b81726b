namespace KalshiArb.Node.Metrics;

/// <summary>
/// A measurement's tag set, as a dictionary key built without allocating (up to three tags; the instruments use at most
/// two). Tags are sorted by key when the series is first printed, not here: one instrument always records the same
/// tags in the same order.
/// </summary>
internal readonly struct SeriesKey : IEquatable<SeriesKey>
{
    public const int MaxTags = 3;

    private readonly KeyValuePair<string, object?> _a, _b, _c;
    private readonly int _count;

    public SeriesKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length > MaxTags)
            throw new ArgumentException($"an instrument records at most {MaxTags} tags, got {tags.Length}", nameof(tags));
        _count = tags.Length;
        if (_count > 0) _a = tags[0];
        if (_count > 1) _b = tags[1];
        if (_count > 2) _c = tags[2];
    }

    public IEnumerable<KeyValuePair<string, object?>> Tags()
    {
        if (_count > 0) yield return _a;
        if (_count > 1) yield return _b;
        if (_count > 2) yield return _c;
    }

    public bool Equals(SeriesKey other) =>
        _count == other._count && Same(_a, other._a) && Same(_b, other._b) && Same(_c, other._c);

    public override bool Equals(object? obj) => obj is SeriesKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_count, Hash(_a), Hash(_b), Hash(_c));

    private static bool Same(KeyValuePair<string, object?> x, KeyValuePair<string, object?> y) =>
        string.Equals(x.Key, y.Key, StringComparison.Ordinal) && (ReferenceEquals(x.Value, y.Value) || Equals(x.Value, y.Value));

    private static int Hash(KeyValuePair<string, object?> t) => HashCode.Combine(t.Key, t.Value);
}
