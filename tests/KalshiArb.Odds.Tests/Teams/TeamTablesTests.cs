using KalshiArb.Odds.Teams;

namespace KalshiArb.Odds.Tests.Teams;

public class TeamTablesTests
{
    [Theory]
    [InlineData(TeamTables.Nfl, 32)]
    [InlineData(TeamTables.Nba, 30)]
    [InlineData(TeamTables.Mlb, 30)]
    [InlineData(TeamTables.Nhl, 32)]
    public void Every_pro_league_has_all_its_teams(string file, int count) =>
        Assert.Equal(count, TeamTables.LoadShippedTable(file).Teams.Count);

    [Fact]
    public void College_table_has_a_reasonable_set_of_schools() =>
        Assert.InRange(TeamTables.LoadShippedTable(TeamTables.College).Teams.Count, 60, 400);

    [Theory]
    [InlineData(TeamTables.Nfl)]
    [InlineData(TeamTables.Nba)]
    [InlineData(TeamTables.Mlb)]
    [InlineData(TeamTables.Nhl)]
    [InlineData(TeamTables.College)]
    public void Shipped_tables_parse_without_problems(string file) =>
        Assert.Empty(TeamTableCsv.Parse(file, TeamTables.ReadShippedText(file), out _));

    [Fact]
    public void Directory_covers_every_game_series()
    {
        var dir = TeamTables.LoadShipped();
        foreach (var series in GameSeries.All)
        {
            Assert.True(GameSeries.TryGetLeague(series, out var league));
            Assert.True(dir.TryGetTable(league, out _), series);
        }
    }

    [Theory]
    [InlineData("KXNFLGAME-26SEP20PHITEN-PHI", "Philadelphia Eagles", "Tennessee Titans", "Philadelphia")]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OKC", "Houston Rockets", "Oklahoma City Thunder", "Oklahoma City")]
    [InlineData("KXNBAGAME-26FEB07LALLAC-LAC", "Los Angeles Lakers", "Los Angeles Clippers", "Los Angeles C")]
    [InlineData("KXMLBGAME-26JUN01LADSF-LAD", "Los Angeles Dodgers", "San Francisco Giants", "Los Angeles D")]
    [InlineData("KXNHLGAME-26JAN10NYRNJ-NJ", "New York Rangers", "New Jersey Devils", "New Jersey")]
    [InlineData("KXNFLGAME-26OCT04LAKC-LA", "Los Angeles Rams", "Kansas City Chiefs", "Los Angeles R")]
    [InlineData("KXNCAAFGAME-26SEP05OSUMICH-OSU", "Ohio State Buckeyes", "Michigan Wolverines", "Ohio State")]
    [InlineData("KXNCAAMBGAME-26MAR01DUKEUNC-UNC", "Duke Blue Devils", "North Carolina Tar Heels", "North Carolina")]
    public void Real_style_tickers_resolve_with_the_shipped_tables(string ticker, string away, string home, string yesShort)
    {
        Assert.Equal(TickerRejection.None, GameMarket.TryParse(ticker, TeamTables.LoadShipped(), out var m));
        Assert.Equal((away, home), (m.Away.FullName, m.Home.FullName));
        Assert.Equal(yesShort, m.Yes.ShortName);
    }

    [Fact]
    public void Bad_files_are_reported_line_by_line()
    {
        const string text = "# c\ncode,alt_codes,full_name,alt_full_names,short_name,aliases\nPHI,,Philadelphia Eagles,,Philadelphia,Eagles\nTEN,Tennessee Titans\nPHI,,Other,,Other,\n";
        var problems = TeamTableCsv.Parse("t.csv", text, out _);
        Assert.Contains(problems, p => p.StartsWith("t.csv:4: 2 columns", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DuplicateCode", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_header_is_reported() =>
        Assert.Contains(TeamTableCsv.Parse("t.csv", "code,name\nPHI,Eagles\n", out _), p => p.Contains("header", StringComparison.Ordinal));
}
