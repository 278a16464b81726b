namespace KalshiArb.Domain.Odds;

/// <summary>
/// Matches a Kalshi game market to one sportsbook event by exact team names from the reviewed
/// table — never fuzzily. Date rule: the ticker date is the US local game date, and an evening
/// game in the US starts after midnight UTC, so an event whose commence time falls on the ticker
/// date or the next day (UTC) is accepted. Same-day duplicates (doubleheaders) are separated by
/// the ticker's HHMM if present, read as US Eastern (UTC−4 or UTC−5); otherwise they are ambiguous.
/// </summary>
public static class EventResolver
{
    /// <summary>Parses the ticker with the directory, then resolves; an unreadable ticker comes back as BadTicker.</summary>
    public static EventResolution ResolveTicker(string ticker, string? yesSubTitle, TeamDirectory directory,
        IReadOnlyList<OddsEvent> events, out GameMarket? market)
    {
        var err = GameMarket.TryParse(ticker, directory, out var parsed);
        market = err == TickerRejection.None ? parsed : null;
        return market is null ? EventResolution.BadTicker(err, ticker) : Resolve(market, yesSubTitle, events);
    }

    public static EventResolution Resolve(GameMarket market, string? yesSubTitle, IReadOnlyList<OddsEvent> events)
    {
        if (string.IsNullOrWhiteSpace(yesSubTitle))
            return EventResolution.Unmatched(ResolutionReason.YesSubTitleMissing, market.Ticker.Ticker);
        if (!market.Yes.IsNamedBySubTitle(yesSubTitle))
            return EventResolution.Unmatched(ResolutionReason.YesSubTitleMismatch,
                $"'{yesSubTitle}' is not {market.Yes.Code} ({market.Yes.ShortName})");
        if (market.No.IsNamedBySubTitle(yesSubTitle))
            return EventResolution.Unmatched(ResolutionReason.YesSubTitleNamesBothTeams,
                $"'{yesSubTitle}' names both {market.Away.Code} and {market.Home.Code}");

        var direct = new List<OddsEvent>();
        var swapped = new List<OddsEvent>();
        foreach (var e in events)
        {
            if (market.Home.IsNamedByOddsApi(e.HomeTeam) && market.Away.IsNamedByOddsApi(e.AwayTeam)) direct.Add(e);
            else if (market.Home.IsNamedByOddsApi(e.AwayTeam) && market.Away.IsNamedByOddsApi(e.HomeTeam)) swapped.Add(e);
        }
        if (direct.Count + swapped.Count == 0)
            return EventResolution.Unmatched(ResolutionReason.NoEventForTeams,
                $"no event {market.Away.FullName} at {market.Home.FullName}");

        var first = market.Date;
        var last = market.Date.AddDays(1);
        bool OnDate(OddsEvent e)
        {
            var d = DateOnly.FromDateTime(e.CommenceTime.UtcDateTime);
            return d >= first && d <= last;
        }
        var dated = direct.Where(OnDate).ToList();
        var isSwapped = false;
        if (dated.Count == 0)
        {
            dated = swapped.Where(OnDate).ToList();
            isSwapped = dated.Count > 0;
        }
        if (dated.Count == 0)
            return EventResolution.Unmatched(ResolutionReason.NoEventOnDate,
                $"teams meet at {string.Join(", ", direct.Concat(swapped).Select(e => e.CommenceTime.UtcDateTime.ToString("u")))}, not on {market.Date:yyyy-MM-dd}");

        if (dated.Count > 1 && market.Ticker.Time is { } time)
        {
            var local = market.Date.ToDateTime(time);
            var byTime = dated.Where(e =>
                e.CommenceTime.UtcDateTime == local.AddHours(4) || e.CommenceTime.UtcDateTime == local.AddHours(5)).ToList();
            if (byTime.Count == 1) dated = byTime;
        }
        if (dated.Count > 1)
            return EventResolution.Ambiguous(ResolutionReason.SeveralEventsMatch,
                $"{dated.Count} events for {market.Ticker.EventTicker}", dated.Select(e => e.EventId).ToArray());

        var ev = dated[0];
        var yesIsHomeInEvent = market.Yes.IsNamedByOddsApi(ev.HomeTeam);
        return new EventResolution(
            ResolutionStatus.Matched, ResolutionReason.None, ev.EventId,
            EventId: ev.EventId,
            YesTeamName: yesIsHomeInEvent ? ev.HomeTeam : ev.AwayTeam,
            OpponentName: yesIsHomeInEvent ? ev.AwayTeam : ev.HomeTeam,
            YesIsHome: yesIsHomeInEvent,
            HomeAwaySwapped: isSwapped,
            CommenceTime: ev.CommenceTime);
    }
}
