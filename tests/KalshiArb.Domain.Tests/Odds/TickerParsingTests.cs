namespace KalshiArb.Domain.Tests.Odds;

public class TickerParsingTests
{
    [Fact]
    public void Nfl_ticker_parses_with_teams()
    {
        Assert.Equal(TickerRejection.None, GameMarket.TryParse("KXNFLGAME-26SEP20PHITEN-PHI", TestTeams.Directory, out var m));
        Assert.Equal(League.Nfl, m.League);
        Assert.Equal(new DateOnly(2026, 9, 20), m.Date);
        Assert.Null(m.Ticker.Time);
        Assert.Equal("KXNFLGAME-26SEP20PHITEN", m.Ticker.EventTicker);
        Assert.Same(TestTeams.Phi, m.Away);
        Assert.Same(TestTeams.Ten, m.Home);
        Assert.Same(TestTeams.Phi, m.Yes);
        Assert.False(m.YesIsHome);
        Assert.Same(TestTeams.Ten, m.No);
    }

    [Fact]
    public void Nba_ticker_with_home_yes()
    {
        Assert.Equal(TickerRejection.None, GameMarket.TryParse("KXNBAGAME-26FEB07HOUOKC-OKC", TestTeams.Directory, out var m));
        Assert.Equal((League.Nba, new DateOnly(2026, 2, 7)), (m.League, m.Date));
        Assert.Equal(("HOU", "OKC"), (m.Away.Code, m.Home.Code));
        Assert.True(m.YesIsHome);
    }

    [Fact]
    public void Optional_time_is_read()
    {
        Assert.Equal(TickerRejection.None, KalshiGameTicker.TryParse("KXMLBGAME-26JUL041305NYYBOS-BOS", out var t));
        Assert.Equal(new TimeOnly(13, 5), t.Time);
        Assert.Equal("NYYBOS", t.TeamBlock);
    }

    [Theory]
    [InlineData("KXNFLGAME-26SEP20LAKC-KC", "LA", "KC")]
    [InlineData("KXNFLGAME-26SEP20LACKC-KC", "LAC", "KC")]
    [InlineData("KXNFLGAME-26SEP20KCLAC-LAC", "KC", "LAC")]
    [InlineData("KXNFLGAME-26SEP20LARLAC-LAC", "LA", "LAC")]
    public void Mixed_length_codes_split_uniquely(string ticker, string away, string home)
    {
        Assert.Equal(TickerRejection.None, GameMarket.TryParse(ticker, TestTeams.Directory, out var m));
        Assert.Equal((away, home), (m.Away.Code, m.Home.Code));
    }

    [Fact]
    public void Alternative_code_in_the_yes_part_maps_to_the_same_team()
    {
        Assert.Equal(TickerRejection.None, GameMarket.TryParse("KXNFLGAME-26SEP20LAKC-LAR", TestTeams.Directory, out var m));
        Assert.Same(TestTeams.Rams, m.Yes);
    }

    [Theory]
    [InlineData(null, TickerRejection.Empty)]
    [InlineData("", TickerRejection.Empty)]
    [InlineData("KXNFLGAME-26SEP20PHITEN", TickerRejection.WrongShape)]
    [InlineData("KXNFLGAME--PHI", TickerRejection.WrongShape)]
    [InlineData("KXNFLGAME-26SEP20PHITEN-PHI-X", TickerRejection.WrongShape)]
    [InlineData("KXNFLSPREAD-26SEP20PHITEN-PHI", TickerRejection.UnknownSeries)]
    [InlineData("KXNFL-26SEP20PHITEN-PHI", TickerRejection.UnknownSeries)]
    [InlineData("KXNFLGAME-26SEX20PHITEN-PHI", TickerRejection.BadDate)]
    [InlineData("KXNFLGAME-26FEB30PHITEN-PHI", TickerRejection.BadDate)]
    [InlineData("KXNFLGAME-2XSEP20PHITEN-PHI", TickerRejection.BadDate)]
    [InlineData("KXNFLGAME-26SEP2", TickerRejection.WrongShape)]
    [InlineData("KXNFLGAME-26SEP-PHI", TickerRejection.BadDate)]
    [InlineData("KXNFLGAME-26SEP20123PHITEN-PHI", TickerRejection.BadTime)]
    [InlineData("KXNFLGAME-26SEP202460PHITEN-PHI", TickerRejection.BadTime)]
    [InlineData("KXNFLGAME-26SEP20PHI-PHI", TickerRejection.BadTeamBlock)]
    [InlineData("KXNFLGAME-26SEP20PHITENX1-PHI", TickerRejection.BadTeamBlock)]
    [InlineData("KXNFLGAME-26SEP20phiten-PHI", TickerRejection.BadTeamBlock)]
    [InlineData("KXNFLGAME-26SEP20PHINYG-PHI", TickerRejection.UnknownTeams)]
    [InlineData("KXNFLGAME-26SEP20PHITEN-KC", TickerRejection.YesTeamNotInGame)]
    [InlineData("KXNFLGAME-26SEP20PHITEN-XXXXX", TickerRejection.YesTeamNotInGame)]
    [InlineData("KXNHLGAME-26SEP20PHITEN-PHI", TickerRejection.NoTeamTable)]
    [InlineData("KXNFLGAME-26SEP20PHIPHI-PHI", TickerRejection.UnknownTeams)]
    public void Bad_tickers_are_refused_with_a_reason(string? ticker, TickerRejection expected) =>
        Assert.Equal(expected, GameMarket.TryParse(ticker, TestTeams.Directory, out _));

    [Fact]
    public void A_block_two_splits_fit_is_ambiguous()
    {
        // AB+CDE and ABC+DE both name two teams.
        var problems = TeamTable.TryCreate("x", [
            TestTeams.Team("AB", "A B", "A"), TestTeams.Team("ABC", "A B C", "AC"),
            TestTeams.Team("CDE", "C D E", "C"), TestTeams.Team("DE", "D E", "D")], out var table);
        // The table itself is flagged at load time ...
        Assert.Contains(problems, p => p.Kind == TeamTableProblemKind.AmbiguousPair && p.Detail == "AB+CDE");
        // ... and a ticker using it is refused, never guessed.
        Assert.Equal(TickerRejection.None, KalshiGameTicker.TryParse("KXNFLGAME-26SEP20ABCDE-AB", out var t));
        Assert.Equal(TickerRejection.AmbiguousTeams, GameMarket.TryResolve(t, table, out _));
    }

    [Fact]
    public void Team_table_validation_reports_each_problem()
    {
        var problems = TeamTable.TryCreate("bad", [
            TestTeams.Team("PHI", "Philadelphia Eagles", "Philadelphia"),
            TestTeams.Team("PHI", "Other", "Other"),
            TestTeams.Team("ph1", "X", "X"),
            TestTeams.Team("TEN", "", ""),
            TestTeams.Team("TN", "Philadelphia Eagles", "P"),
            TestTeams.Team("NYG", "New York Giants", "New York G", altCodes: ["PHI"]),
        ], out _);
        var kinds = problems.Select(p => p.Kind).ToArray();
        Assert.Equal(2, kinds.Count(k => k == TeamTableProblemKind.DuplicateCode));
        Assert.Contains(TeamTableProblemKind.BadCode, kinds);
        Assert.Contains(TeamTableProblemKind.EmptyFullName, kinds);
        Assert.Contains(TeamTableProblemKind.EmptyShortName, kinds);
        Assert.Contains(TeamTableProblemKind.DuplicateFullName, kinds);
        Assert.Contains(TeamTable.TryCreate("empty", [], out _), p => p.Kind == TeamTableProblemKind.Empty);
    }

    [Fact]
    public void Every_series_maps_back_to_itself()
    {
        foreach (var s in GameSeries.All)
        {
            Assert.True(GameSeries.TryGetLeague(s, out var league));
            Assert.Equal(s, GameSeries.SeriesOf(league));
            Assert.False(string.IsNullOrEmpty(GameSeries.OddsApiSportKey(league)));
        }
    }
}
