namespace KalshiArb.Domain.Tests.Odds;

/// <summary>Small hand-made tables for the ticker and resolution tests.</summary>
internal static class TestTeams
{
    public static TeamEntry Team(string code, string full, string shortName, string[]? aliases = null, string[]? altCodes = null, string[]? altFull = null) =>
        new(code, altCodes ?? [], full, altFull ?? [], shortName, aliases ?? []);

    public static readonly TeamEntry Phi = Team("PHI", "Philadelphia Eagles", "Philadelphia", ["Eagles"]);
    public static readonly TeamEntry Ten = Team("TEN", "Tennessee Titans", "Tennessee", ["Titans"]);
    public static readonly TeamEntry Rams = Team("LA", "Los Angeles Rams", "Los Angeles R", ["Rams", "Los Angeles"], ["LAR"]);
    public static readonly TeamEntry Chargers = Team("LAC", "Los Angeles Chargers", "Los Angeles C", ["Chargers", "Los Angeles"]);
    public static readonly TeamEntry Kc = Team("KC", "Kansas City Chiefs", "Kansas City", ["Chiefs"]);
    public static readonly TeamEntry Hou = Team("HOU", "Houston Rockets", "Houston", ["Rockets"]);
    public static readonly TeamEntry Okc = Team("OKC", "Oklahoma City Thunder", "Oklahoma City", ["Thunder"]);
    public static readonly TeamEntry Nyy = Team("NYY", "New York Yankees", "New York Y", ["Yankees"]);
    public static readonly TeamEntry Bos = Team("BOS", "Boston Red Sox", "Boston", ["Red Sox"]);

    public static TeamTable Table(string name, params TeamEntry[] teams)
    {
        var problems = TeamTable.TryCreate(name, teams, out var t);
        Assert.Empty(problems);
        return t;
    }

    public static readonly TeamDirectory Directory = new(new Dictionary<League, TeamTable>
    {
        [League.Nfl] = Table("nfl", Phi, Ten, Rams, Chargers, Kc),
        [League.Nba] = Table("nba", Hou, Okc),
        [League.Mlb] = Table("mlb", Nyy, Bos),
    });
}
