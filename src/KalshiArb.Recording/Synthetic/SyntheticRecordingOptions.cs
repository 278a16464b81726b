namespace KalshiArb.Recording.Synthetic;

/// <summary>
/// The shape of a generated recording. Rates are averages per market; gaps between WS frames are drawn as integers
/// (no floating point), so one seed always gives the same records.
/// </summary>
public sealed record SyntheticRecordingOptions
{
    public int Markets { get; init; } = 20;
    public int Minutes { get; init; } = 60;
    public int Seed { get; init; } = 1;
    public int DeltasPerMarketPerMinute { get; init; } = 1_200;
    public int TradesPerMarketPerMinute { get; init; } = 60;
    public int TickersPerMarketPerMinute { get; init; } = 30;
    public TimeSpan OddsInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Receive time of the first record; also stamped as the segments' created time.</summary>
    public DateTime StartUtc { get; init; } = new(2026, 12, 7, 23, 0, 0, DateTimeKind.Utc);

    /// <summary>Source id of the market-data connection's frames (odds snapshots use <see cref="OddsSourceId"/>).</summary>
    public uint FeedSourceId { get; init; } = 1;

    /// <summary>Start with the catalog markers <c>run --record</c> writes (series fee rule, markets with their YES team), so a replay matches odds as live.</summary>
    public bool CatalogMarkers { get; init; }

    public uint OddsSourceId { get; init; } = 0;

    public void Validate()
    {
        if (Markets is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(Markets), Markets, "1 to 10,000");
        if (Minutes is < 1 or > 24 * 60) throw new ArgumentOutOfRangeException(nameof(Minutes), Minutes, "1 to 1440");
        if (DeltasPerMarketPerMinute + TradesPerMarketPerMinute + TickersPerMarketPerMinute <= 0)
            throw new ArgumentOutOfRangeException(nameof(DeltasPerMarketPerMinute), "some frames per minute");
        if (OddsInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(OddsInterval), OddsInterval, "must be positive");
    }
}
