namespace KalshiArb.Exchange.Catalog;

/// <summary>A series as GET /series reports it.</summary>
public sealed record SeriesInfo(
    string Ticker,
    string Title,
    string Category,
    IReadOnlyList<string> Tags,
    string FeeType,
    decimal FeeMultiplier,
    bool IsGameSeries);
