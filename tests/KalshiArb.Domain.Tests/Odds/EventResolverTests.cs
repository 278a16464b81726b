namespace KalshiArb.Domain.Tests.Odds;

public class EventResolverTests
{
    private static GameMarket Market(string ticker)
    {
        Assert.Equal(TickerRejection.None, GameMarket.TryParse(ticker, TestTeams.Directory, out var m));
        return m;
    }

    private static OddsEvent Ev(string id, string home, string away, string commenceUtc) =>
        new(id, home, away, DateTimeOffset.Parse(commenceUtc, System.Globalization.CultureInfo.InvariantCulture));

    private static readonly OddsEvent PhiAtTen = Ev("e1", "Tennessee Titans", "Philadelphia Eagles", "2026-09-20T17:00:00Z");
    private static readonly OddsEvent Other = Ev("e2", "Kansas City Chiefs", "Los Angeles Chargers", "2026-09-20T20:25:00Z");

    [Fact]
    public void Matches_by_full_names_and_date()
    {
        var r = EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-PHI"), "Philadelphia", [Other, PhiAtTen]);
        Assert.Equal(ResolutionStatus.Matched, r.Status);
        Assert.Equal("e1", r.EventId);
        Assert.Equal("Philadelphia Eagles", r.YesTeamName);
        Assert.Equal("Tennessee Titans", r.OpponentName);
        Assert.False(r.YesIsHome);
        Assert.False(r.HomeAwaySwapped);
        Assert.Equal(PhiAtTen.CommenceTime, r.CommenceTime);
    }

    [Fact]
    public void Home_yes_market_is_home()
    {
        var r = EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-TEN"), "Tennessee", [PhiAtTen]);
        Assert.True(r.IsMatched);
        Assert.True(r.YesIsHome);
        Assert.Equal("Tennessee Titans", r.YesTeamName);
    }

    [Fact]
    public void A_US_evening_game_starting_after_midnight_UTC_matches_the_ticker_date()
    {
        var late = Ev("late", "Tennessee Titans", "Philadelphia Eagles", "2026-09-21T00:20:00Z");
        Assert.True(EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-PHI"), "Philadelphia", [late]).IsMatched);
    }

    [Theory]
    [InlineData("2026-09-19T23:00:00Z")]
    [InlineData("2026-09-22T00:00:00Z")]
    [InlineData("2026-12-20T18:00:00Z")]
    public void Same_teams_on_another_date_do_not_match(string commence)
    {
        var r = EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-PHI"), "Philadelphia",
            [Ev("x", "Tennessee Titans", "Philadelphia Eagles", commence)]);
        Assert.Equal((ResolutionStatus.Unmatched, ResolutionReason.NoEventOnDate), (r.Status, r.Reason));
    }

    [Fact]
    public void No_event_for_the_teams_is_unmatched()
    {
        var r = EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-PHI"), "Philadelphia", [Other]);
        Assert.Equal((ResolutionStatus.Unmatched, ResolutionReason.NoEventForTeams), (r.Status, r.Reason));
    }

    [Fact]
    public void Names_are_never_matched_fuzzily()
    {
        var r = EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-PHI"), "Philadelphia",
            [Ev("x", "Tennessee Titan", "Philadelphia Eagles", "2026-09-20T17:00:00Z")]);
        Assert.Equal(ResolutionReason.NoEventForTeams, r.Reason);
    }

    [Fact]
    public void Swapped_home_and_away_match_with_a_flag_and_the_event_side()
    {
        var swapped = Ev("n", "Philadelphia Eagles", "Tennessee Titans", "2026-09-20T17:00:00Z");
        var r = EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-PHI"), "Philadelphia", [swapped]);
        Assert.True(r.IsMatched);
        Assert.True(r.HomeAwaySwapped);
        Assert.True(r.YesIsHome);
        Assert.Equal("Philadelphia Eagles", r.YesTeamName);
    }

    [Fact]
    public void Two_events_the_same_day_are_ambiguous_without_a_time()
    {
        var g1 = Ev("g1", "Boston Red Sox", "New York Yankees", "2026-07-04T17:05:00Z");
        var g2 = Ev("g2", "Boston Red Sox", "New York Yankees", "2026-07-04T23:10:00Z");
        var r = EventResolver.Resolve(Market("KXMLBGAME-26JUL04NYYBOS-BOS"), "Boston", [g1, g2]);
        Assert.Equal((ResolutionStatus.Ambiguous, ResolutionReason.SeveralEventsMatch), (r.Status, r.Reason));
        Assert.Equal(["g1", "g2"], r.CandidateEventIds!);
    }

    [Fact]
    public void The_ticker_time_in_US_Eastern_separates_a_doubleheader()
    {
        var g1 = Ev("g1", "Boston Red Sox", "New York Yankees", "2026-07-04T17:05:00Z"); // 13:05 EDT
        var g2 = Ev("g2", "Boston Red Sox", "New York Yankees", "2026-07-04T23:10:00Z");
        var r = EventResolver.Resolve(Market("KXMLBGAME-26JUL041305NYYBOS-BOS"), "Boston", [g1, g2]);
        Assert.Equal("g1", r.EventId);
    }

    [Theory]
    [InlineData(null, ResolutionReason.YesSubTitleMissing)]
    [InlineData("  ", ResolutionReason.YesSubTitleMissing)]
    [InlineData("Tennessee", ResolutionReason.YesSubTitleMismatch)]
    [InlineData("Philly", ResolutionReason.YesSubTitleMismatch)]
    public void Yes_sub_title_must_name_the_yes_team(string? subTitle, ResolutionReason reason)
    {
        var r = EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-PHI"), subTitle, [PhiAtTen]);
        Assert.Equal((ResolutionStatus.Unmatched, reason), (r.Status, r.Reason));
    }

    [Theory]
    [InlineData("Philadelphia")]
    [InlineData("philadelphia ")]
    [InlineData("Eagles")]
    [InlineData("Philadelphia Eagles")]
    public void Yes_sub_title_accepts_short_name_alias_or_full_name(string subTitle) =>
        Assert.True(EventResolver.Resolve(Market("KXNFLGAME-26SEP20PHITEN-PHI"), subTitle, [PhiAtTen]).IsMatched);

    [Fact]
    public void A_sub_title_naming_both_teams_is_refused()
    {
        var ev = Ev("la", "Los Angeles Chargers", "Los Angeles Rams", "2026-09-20T20:00:00Z");
        var m = Market("KXNFLGAME-26SEP20LALAC-LAC");
        Assert.Equal(ResolutionReason.YesSubTitleNamesBothTeams, EventResolver.Resolve(m, "Los Angeles", [ev]).Reason);
        Assert.True(EventResolver.Resolve(m, "Los Angeles C", [ev]).IsMatched);
    }

    [Fact]
    public void Report_lists_unmatched_and_counts_reasons()
    {
        var report = new UnmatchedReport();
        var m = Market("KXNFLGAME-26SEP20PHITEN-PHI");
        report.Add(m.Ticker.Ticker, "Philadelphia", EventResolver.Resolve(m, "Philadelphia", [PhiAtTen]));
        report.Add(m.Ticker.Ticker, "Philly", EventResolver.Resolve(m, "Philly", [PhiAtTen]));
        report.Add("KXMLBGAME-26JUL04NYYBOS-BOS", "Boston", EventResolution.Ambiguous(ResolutionReason.SeveralEventsMatch, "2 events", ["g1", "g2"]));
        report.AddTickerRejection("KXNFLGAME-26SEP20PHINYG-PHI", "Philadelphia", TickerRejection.UnknownTeams);

        Assert.Equal(1, report.MatchedCount);
        Assert.Equal(3, report.Entries.Count);
        Assert.Equal(1, report.CountsByReason()["BadTicker:UnknownTeams"]);
        Assert.Equal(1, report.CountsByReason()["YesSubTitleMismatch"]);
        var text = report.ToText();
        Assert.StartsWith("matched 1, unmatched/ambiguous 3", text);
        Assert.Contains("Ambiguous\tKXMLBGAME-26JUL04NYYBOS-BOS\tBoston\tSeveralEventsMatch\t2 events [g1, g2]", text);
    }
}

public class ResolveTickerTests
{
    [Fact]
    public void Resolves_straight_from_the_ticker()
    {
        var ev = new OddsEvent("e1", "Oklahoma City Thunder", "Houston Rockets", new DateTimeOffset(2026, 2, 8, 1, 0, 0, TimeSpan.Zero));
        var r = EventResolver.ResolveTicker("KXNBAGAME-26FEB07HOUOKC-OKC", "Oklahoma City", TestTeams.Directory, [ev], out var m);
        Assert.True(r.IsMatched);
        Assert.Equal("Oklahoma City Thunder", r.YesTeamName);
        Assert.True(r.YesIsHome);
        Assert.NotNull(m);
        Assert.Equal("None", r.ReasonCode);
    }

    [Fact]
    public void An_unreadable_ticker_is_unmatched_with_its_ticker_reason()
    {
        var r = EventResolver.ResolveTicker("KXNBAGAME-26FEB07HOUXYZ-HOU", "Houston", TestTeams.Directory, [], out var m);
        Assert.Null(m);
        Assert.Equal((ResolutionStatus.Unmatched, ResolutionReason.BadTicker, TickerRejection.UnknownTeams), (r.Status, r.Reason, r.TickerRejection));
        Assert.Equal("BadTicker:UnknownTeams", r.ReasonCode);
    }
}
