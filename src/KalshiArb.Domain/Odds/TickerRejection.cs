namespace KalshiArb.Domain.Odds;

public enum TickerRejection
{
    None = 0,
    Empty,
    /// <summary>Not SERIES-EVENT-TEAM.</summary>
    WrongShape,
    /// <summary>Not one of the game-winner series (exact match).</summary>
    UnknownSeries,
    BadDate,
    BadTime,
    /// <summary>The away+home letters are missing, not letters, or of impossible length.</summary>
    BadTeamBlock,
    NoTeamTable,
    /// <summary>No split of the away+home letters names two teams of the league's table.</summary>
    UnknownTeams,
    /// <summary>More than one split names two teams: the table must be fixed before this market trades.</summary>
    AmbiguousTeams,
    /// <summary>The market's team code is neither the away nor the home team.</summary>
    YesTeamNotInGame,
}
