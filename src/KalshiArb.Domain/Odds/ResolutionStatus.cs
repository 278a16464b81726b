namespace KalshiArb.Domain.Odds;

public enum ResolutionStatus
{
    Matched,
    Unmatched,
    Ambiguous,
}

public enum ResolutionReason
{
    None = 0,
    /// <summary>The ticker itself could not be read; see the TickerRejection in the detail.</summary>
    BadTicker,
    YesSubTitleMissing,
    /// <summary>yes_sub_title names neither the YES team's short name, an alias nor its full name.</summary>
    YesSubTitleMismatch,
    /// <summary>yes_sub_title also names the other team (an alias shared by both): cannot tell them apart.</summary>
    YesSubTitleNamesBothTeams,
    NoEventForTeams,
    /// <summary>The teams meet, but not within [ticker date, ticker date + 1 day] UTC.</summary>
    NoEventOnDate,
    SeveralEventsMatch,
}
