namespace KalshiArb.Recording.Synthetic;

/// <summary>NBA team codes as Kalshi tickers use them and full names as The Odds API writes them (from KalshiArb.Odds' teams-nba.csv).</summary>
internal static class NbaTeams
{
    public static readonly (string Code, string Name)[] All =
    [
        ("ATL", "Atlanta Hawks"), ("BOS", "Boston Celtics"), ("BKN", "Brooklyn Nets"), ("CHA", "Charlotte Hornets"),
        ("CHI", "Chicago Bulls"), ("CLE", "Cleveland Cavaliers"), ("DAL", "Dallas Mavericks"), ("DEN", "Denver Nuggets"),
        ("DET", "Detroit Pistons"), ("GSW", "Golden State Warriors"), ("HOU", "Houston Rockets"), ("IND", "Indiana Pacers"),
        ("LAC", "Los Angeles Clippers"), ("LAL", "Los Angeles Lakers"), ("MEM", "Memphis Grizzlies"), ("MIA", "Miami Heat"),
        ("MIL", "Milwaukee Bucks"), ("MIN", "Minnesota Timberwolves"), ("NOP", "New Orleans Pelicans"), ("NYK", "New York Knicks"),
        ("OKC", "Oklahoma City Thunder"), ("ORL", "Orlando Magic"), ("PHI", "Philadelphia 76ers"), ("PHX", "Phoenix Suns"),
        ("POR", "Portland Trail Blazers"), ("SAC", "Sacramento Kings"), ("SAS", "San Antonio Spurs"), ("TOR", "Toronto Raptors"),
        ("UTA", "Utah Jazz"), ("WAS", "Washington Wizards"),
    ];
}
