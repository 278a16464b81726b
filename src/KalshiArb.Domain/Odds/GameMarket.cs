namespace KalshiArb.Domain.Odds;

/// <summary>A game-winner market with its teams looked up: YES pays if <see cref="Yes"/> wins.</summary>
public sealed record GameMarket(KalshiGameTicker Ticker, TeamEntry Away, TeamEntry Home, TeamEntry Yes)
{
    public League League => Ticker.League;
    public DateOnly Date => Ticker.Date;
    public bool YesIsHome => ReferenceEquals(Yes, Home);
    public TeamEntry No => YesIsHome ? Away : Home;

    /// <summary>Parses the ticker and splits the away+home letters with the league's table; every split is tried and exactly one must fit.</summary>
    public static TickerRejection TryParse(string? ticker, TeamDirectory directory, out GameMarket market)
    {
        market = null!;
        var err = KalshiGameTicker.TryParse(ticker, out var parsed);
        if (err != TickerRejection.None) return err;
        if (!directory.TryGetTable(parsed.League, out var table)) return TickerRejection.NoTeamTable;
        return TryResolve(parsed, table, out market);
    }

    public static TickerRejection TryResolve(KalshiGameTicker parsed, TeamTable table, out GameMarket market)
    {
        market = null!;
        var splits = Splits(parsed.TeamBlock, table);
        if (splits.Count == 0) return TickerRejection.UnknownTeams;
        if (splits.Count > 1) return TickerRejection.AmbiguousTeams;

        var (a, h) = splits[0];
        if (!table.TryGetByCode(parsed.YesCode, out var yes) || (!ReferenceEquals(yes, a) && !ReferenceEquals(yes, h)))
            return TickerRejection.YesTeamNotInGame;
        market = new GameMarket(parsed, a, h, yes);
        return TickerRejection.None;
    }

    /// <summary>Every way the away+home letters split into two different teams of the table (2–4 letters each).</summary>
    public static IReadOnlyList<(TeamEntry Away, TeamEntry Home)> Splits(string block, TeamTable table)
    {
        var found = new List<(TeamEntry, TeamEntry)>(1);
        for (var awayLen = 2; awayLen <= 4; awayLen++)
        {
            var homeLen = block.Length - awayLen;
            if (homeLen is < 2 or > 4) continue;
            if (!table.TryGetByCode(block[..awayLen], out var away) || !table.TryGetByCode(block[awayLen..], out var home)) continue;
            if (!ReferenceEquals(away, home)) found.Add((away, home));
        }
        return found;
    }
}
