namespace KalshiArb.Exchange.Sportsbooks;

/// <summary>A bookmaker as The Odds API names it, the region it is listed in, and its two-way overround (0.045 = 104.5 %).</summary>
public sealed record Sportsbook(string Key, string Title, string Region, double Overround)
{
    public static IReadOnlyList<Sportsbook> Defaults { get; } =
    [
        new("draftkings", "DraftKings", "us", 0.045),
        new("fanduel", "FanDuel", "us", 0.045),
        new("betmgm", "BetMGM", "us", 0.045),
        new("williamhill_us", "Caesars", "us", 0.045),
        new("pinnacle", "Pinnacle", "eu", 0.025),
    ];
}
