namespace KalshiArb.Domain.Odds;

/// <summary>A validated table of teams for one league (or the shared college table).</summary>
public sealed class TeamTable
{
    private readonly Dictionary<string, TeamEntry> _byCode;

    private TeamTable(string name, IReadOnlyList<TeamEntry> teams, Dictionary<string, TeamEntry> byCode)
    {
        Name = name;
        Teams = teams;
        _byCode = byCode;
    }

    public string Name { get; }
    public IReadOnlyList<TeamEntry> Teams { get; }

    public bool TryGetByCode(string code, out TeamEntry team) => _byCode.TryGetValue(code, out team!);

    /// <summary>Validates: codes 2–4 uppercase letters, unique (alternative codes included); names non-empty and unique.</summary>
    public static IReadOnlyList<TeamTableProblem> TryCreate(string name, IEnumerable<TeamEntry> entries, out TeamTable table)
    {
        var teams = entries.ToArray();
        var problems = new List<TeamTableProblem>();
        var byCode = new Dictionary<string, TeamEntry>(StringComparer.Ordinal);
        var fullNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (teams.Length == 0) problems.Add(new(TeamTableProblemKind.Empty, name));
        foreach (var t in teams)
        {
            foreach (var code in t.AllCodes)
            {
                if (!IsCode(code)) problems.Add(new(TeamTableProblemKind.BadCode, $"'{code}' ({t.FullName})"));
                else if (!byCode.TryAdd(code, t)) problems.Add(new(TeamTableProblemKind.DuplicateCode, $"{code}: {byCode[code].FullName} and {t.FullName}"));
            }
            if (string.IsNullOrWhiteSpace(t.FullName)) problems.Add(new(TeamTableProblemKind.EmptyFullName, t.Code));
            foreach (var full in t.OddsApiNames.Where(n => !string.IsNullOrWhiteSpace(n)))
                if (!fullNames.Add(full.Trim())) problems.Add(new(TeamTableProblemKind.DuplicateFullName, full));
            if (string.IsNullOrWhiteSpace(t.ShortName)) problems.Add(new(TeamTableProblemKind.EmptyShortName, t.Code));
        }
        table = new TeamTable(name, teams, byCode);
        if (problems.Count == 0) problems.AddRange(AmbiguousPairs(table));
        return problems;
    }

    /// <summary>Every pairing of two teams' codes must split back uniquely, or such tickers could never be read.</summary>
    private static IEnumerable<TeamTableProblem> AmbiguousPairs(TeamTable table)
    {
        foreach (var a in table.Teams)
            foreach (var h in table.Teams)
            {
                if (ReferenceEquals(a, h)) continue;
                foreach (var ca in a.AllCodes)
                    foreach (var ch in h.AllCodes)
                        if (GameMarket.Splits(ca + ch, table).Count != 1)
                            yield return new(TeamTableProblemKind.AmbiguousPair, $"{ca}+{ch}");
            }
    }

    public static bool IsCode(string code) => code.Length is >= 2 and <= 4 && code.All(c => c is >= 'A' and <= 'Z');
}
