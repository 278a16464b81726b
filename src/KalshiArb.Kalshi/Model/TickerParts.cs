namespace KalshiArb.Kalshi.Model;

/// <summary>Market ticker anatomy: SERIES-EVENTPART-TEAM, e.g. KXNFLGAME-26SEP20PHITEN-PHI.</summary>
public static class TickerParts
{
    /// <summary>The series ticker: everything before the first '-' (the whole text if none).</summary>
    public static ReadOnlySpan<char> SeriesOf(ReadOnlySpan<char> ticker)
    {
        var dash = ticker.IndexOf('-');
        return dash < 0 ? ticker : ticker[..dash];
    }

    public static string SeriesOf(string ticker) => SeriesOf(ticker.AsSpan()).ToString();
}
