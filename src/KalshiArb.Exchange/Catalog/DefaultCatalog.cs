namespace KalshiArb.Exchange.Catalog;

/// <summary>A realistic default slate: a few games per league on consecutive days after <c>firstDay</c>.</summary>
public static class DefaultCatalog
{
    public static IReadOnlyList<GameSpec> Games(DateOnly firstDay)
    {
        DateTimeOffset At(int dayOffset, int hourUtc) =>
            new(firstDay.AddDays(dayOffset).ToDateTime(new TimeOnly(hourUtc, 0)), TimeSpan.Zero);

        return
        [
            new("KXNFLGAME", new("PHI", "Philadelphia", "Philadelphia Eagles"), new("TEN", "Tennessee", "Tennessee Titans"), At(0, 17), 0.42),
            new("KXNFLGAME", new("KC", "Kansas City", "Kansas City Chiefs"), new("BUF", "Buffalo", "Buffalo Bills"), At(0, 20), 0.55),
            new("KXNFLGAME", new("NYG", "New York G", "New York Giants"), new("DAL", "Dallas", "Dallas Cowboys"), At(1, 0), 0.63),
            new("KXNBAGAME", new("LAL", "Los Angeles L", "Los Angeles Lakers"), new("BOS", "Boston", "Boston Celtics"), At(0, 23), 0.61),
            new("KXNBAGAME", new("GSW", "Golden State", "Golden State Warriors"), new("DEN", "Denver", "Denver Nuggets"), At(1, 2), 0.57),
            new("KXMLBGAME", new("LAD", "Los Angeles D", "Los Angeles Dodgers"), new("SF", "San Francisco", "San Francisco Giants"), At(0, 2), 0.46),
            new("KXMLBGAME", new("NYY", "New York Y", "New York Yankees"), new("BOS", "Boston", "Boston Red Sox"), At(1, 23), 0.50),
            new("KXNHLGAME", new("TOR", "Toronto", "Toronto Maple Leafs"), new("MTL", "Montreal", "Montréal Canadiens"), At(0, 23), 0.48),
            new("KXNCAAFGAME", new("ALA", "Alabama", "Alabama Crimson Tide"), new("UGA", "Georgia", "Georgia Bulldogs"), At(0, 19), 0.52),
            new("KXNCAAMBGAME", new("DUKE", "Duke", "Duke Blue Devils"), new("UNC", "North Carolina", "North Carolina Tar Heels"), At(1, 1), 0.54),
        ];
    }

    /// <summary>Human title of a game series ("Pro Football Game").</summary>
    public static (string Title, string Tag) DescribeSeries(string seriesTicker) => seriesTicker switch
    {
        "KXNFLGAME" => ("Pro Football Game", "Football"),
        "KXNBAGAME" => ("Pro Basketball Game", "Basketball"),
        "KXMLBGAME" => ("Pro Baseball Game", "Baseball"),
        "KXNHLGAME" => ("Pro Hockey Game", "Hockey"),
        "KXNCAAFGAME" => ("College Football Game", "Football"),
        "KXNCAAMBGAME" => ("Men's College Basketball Game", "Basketball"),
        "KXNCAAWBGAME" => ("Women's College Basketball Game", "Basketball"),
        _ => (seriesTicker, "Sports"),
    };
}
