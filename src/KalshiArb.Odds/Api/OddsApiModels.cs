namespace KalshiArb.Odds.Api;

/// <summary>One outcome of a market: team name as the API writes it and its price (in the requested format).</summary>
public sealed record OddsApiOutcome(string Name, double Price);

/// <summary>A bookmaker's market ("h2h"). LastUpdate is optional in the API.</summary>
public sealed record OddsApiMarket(string Key, DateTimeOffset? LastUpdate, IReadOnlyList<OddsApiOutcome> Outcomes);

public sealed record OddsApiBookmaker(string Key, string Title, DateTimeOffset LastUpdate, IReadOnlyList<OddsApiMarket> Markets);

/// <summary>An event with its bookmakers' lines. Prices are in <see cref="Format"/>.</summary>
public sealed record OddsApiEvent(
    string Id,
    string SportKey,
    DateTimeOffset CommenceTime,
    string HomeTeam,
    string AwayTeam,
    IReadOnlyList<OddsApiBookmaker> Bookmakers,
    OddsFormat Format)
{
    /// <summary>What event resolution needs.</summary>
    public OddsEvent ToOddsEvent() => new(Id, HomeTeam, AwayTeam, CommenceTime);

    /// <summary>
    /// Each book's two-way h2h line seen from <paramref name="teamName"/> (exact name, as the
    /// resolution's YesTeamName). Books whose h2h market does not have exactly this team and one
    /// other outcome (e.g. a draw listed) are left out, because a two-way de-vig would misread them.
    /// The line's time is the market's last_update when given, else the bookmaker's.
    /// </summary>
    public IReadOnlyList<BookLine> LinesFor(string teamName)
    {
        var lines = new List<BookLine>(Bookmakers.Count);
        foreach (var book in Bookmakers)
        {
            var h2h = book.Markets.FirstOrDefault(m => m.Key == "h2h");
            if (h2h is null || h2h.Outcomes.Count != 2) continue;
            var team = h2h.Outcomes.Where(o => o.Name == teamName).ToArray();
            var other = h2h.Outcomes.Where(o => o.Name != teamName).ToArray();
            if (team.Length != 1 || other.Length != 1) continue;
            lines.Add(new BookLine(book.Key, h2h.LastUpdate ?? book.LastUpdate, team[0].Price, other[0].Price, Format));
        }
        return lines;
    }
}
