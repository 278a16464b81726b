using System.Globalization;

namespace KalshiArb.Recording.Index;

/// <summary>Running totals for one segment, kept by the writer as it seals blocks and by the index scan; becomes a <see cref="SegmentSummary"/>.</summary>
internal sealed class SegmentStats(string file, long createdUtcTicks)
{
    private readonly HashSet<string> _markets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _oddsKeys = new(StringComparer.Ordinal);
    private string? _lastMarket;

    public string File => file;
    public long MinTicks { get; private set; } = long.MaxValue;
    public long MaxTicks { get; private set; } = long.MinValue;
    public long Records { get; private set; }
    public long Blocks { get; private set; }
    public long RawBytes { get; private set; }
    public string? TornTail { get; set; }

    public void AddKey(RecordKind kind, string key)
    {
        if (RecordKinds.KeysAreMarkets(kind))
        {
            // The feed passes the same interned ticker string over and over: skip the hash for a repeat.
            if (ReferenceEquals(key, _lastMarket)) return;
            _lastMarket = key;
            _markets.Add(key);
        }
        else if (kind == RecordKind.OddsSnapshot) _oddsKeys.Add(key);
    }

    public void AddBlock(in BlockHeader header)
    {
        if (header.RecordCount == 0) return;
        MinTicks = Math.Min(MinTicks, header.MinReceivedTicks);
        MaxTicks = Math.Max(MaxTicks, header.MaxReceivedTicks);
        Records += header.RecordCount;
        Blocks++;
        RawBytes += header.RawLength;
    }

    public SegmentSummary ToSummary(long sizeBytes)
    {
        var any = Records > 0;
        return new SegmentSummary(file, sizeBytes, createdUtcTicks,
            any ? MinTicks : 0, any ? MaxTicks : 0, any ? Iso(MinTicks) : null, any ? Iso(MaxTicks) : null,
            Records, Blocks, RawBytes,
            _markets.Order(StringComparer.Ordinal).ToList(), _oddsKeys.Order(StringComparer.Ordinal).ToList(), TornTail);
    }

    private static string Iso(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
