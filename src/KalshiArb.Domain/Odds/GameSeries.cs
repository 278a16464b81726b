namespace KalshiArb.Domain.Odds;

/// <summary>
/// Kalshi's game-winner series and their leagues. Matched exactly: a prefix such as KXNFL also
/// covers spreads, totals and props series.
/// </summary>
public static class GameSeries
{
    private static readonly Dictionary<string, League> BySeries = new(StringComparer.Ordinal)
    {
        ["KXNFLGAME"] = League.Nfl,
        ["KXNBAGAME"] = League.Nba,
        ["KXMLBGAME"] = League.Mlb,
        ["KXNHLGAME"] = League.Nhl,
        ["KXNCAAFGAME"] = League.Ncaaf,
        ["KXNCAAMBGAME"] = League.Ncaamb,
        ["KXNCAAWBGAME"] = League.Ncaawb,
    };

    public static IReadOnlyCollection<string> All => BySeries.Keys;

    public static bool TryGetLeague(string seriesTicker, out League league) => BySeries.TryGetValue(seriesTicker, out league);

    public static string SeriesOf(League league) => BySeries.First(kv => kv.Value == league).Key;

    /// <summary>The Odds API sport key for a league.</summary>
    public static string OddsApiSportKey(League league) => league switch
    {
        League.Nfl => "americanfootball_nfl",
        League.Nba => "basketball_nba",
        League.Mlb => "baseball_mlb",
        League.Nhl => "icehockey_nhl",
        League.Ncaaf => "americanfootball_ncaaf",
        League.Ncaamb => "basketball_ncaab",
        League.Ncaawb => "basketball_wncaab",
        _ => throw new ArgumentOutOfRangeException(nameof(league), league, null),
    };
}
