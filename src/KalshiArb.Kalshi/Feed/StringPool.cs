namespace KalshiArb.Kalshi.Feed;

/// <summary>
/// Interns market tickers so a hot feed does not allocate a new string per message.
/// Bounded: past the cap, strings are simply allocated. Not thread-safe (one per parser).
/// </summary>
internal sealed class StringPool(int capacity)
{
    private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);

    public string Intern(ReadOnlySpan<char> text)
    {
        var lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var existing)) return existing;
        var s = text.ToString();
        if (_map.Count < capacity) _map[s] = s;
        return s;
    }
}
