namespace KalshiArb.Odds.Teams;

/// <summary>The reviewed team tables shipped inside this assembly (Data/teams-*.csv).</summary>
public static class TeamTables
{
    public const string Nfl = "teams-nfl.csv";
    public const string Nba = "teams-nba.csv";
    public const string Mlb = "teams-mlb.csv";
    public const string Nhl = "teams-nhl.csv";
    public const string College = "teams-college.csv";

    private static readonly Lazy<TeamDirectory> Shipped = new(LoadShippedUncached);

    /// <summary>All leagues, college leagues sharing one table. Throws at startup if a shipped file is invalid.</summary>
    public static TeamDirectory LoadShipped() => Shipped.Value;

    public static string ReadShippedText(string fileName)
    {
        var asm = typeof(TeamTables).Assembly;
        using var stream = asm.GetManifestResourceStream($"KalshiArb.Odds.Data.{fileName}")
            ?? throw new InvalidDataException($"team table {fileName} is not embedded in {asm.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static TeamTable LoadShippedTable(string fileName)
    {
        var problems = TeamTableCsv.Parse(fileName, ReadShippedText(fileName), out var table);
        if (problems.Count > 0) throw new InvalidDataException($"invalid team table: {string.Join("; ", problems)}");
        return table;
    }

    private static TeamDirectory LoadShippedUncached()
    {
        var college = LoadShippedTable(College);
        return new TeamDirectory(new Dictionary<League, TeamTable>
        {
            [League.Nfl] = LoadShippedTable(Nfl),
            [League.Nba] = LoadShippedTable(Nba),
            [League.Mlb] = LoadShippedTable(Mlb),
            [League.Nhl] = LoadShippedTable(Nhl),
            [League.Ncaaf] = college,
            [League.Ncaamb] = college,
            [League.Ncaawb] = college,
        });
    }
}
