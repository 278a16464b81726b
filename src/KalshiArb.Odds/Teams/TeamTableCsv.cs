namespace KalshiArb.Odds.Teams;

/// <summary>
/// Reads a team table file: '#' comment lines, a header
/// <c>code,alt_codes,full_name,alt_full_names,short_name,aliases</c>, then one team per line;
/// '|' separates several values in a column. No quoting: names never contain commas.
/// </summary>
public static class TeamTableCsv
{
    public static readonly string[] Header = ["code", "alt_codes", "full_name", "alt_full_names", "short_name", "aliases"];

    /// <summary>Parses and validates; returns every problem found (empty when the table is usable).</summary>
    public static IReadOnlyList<string> Parse(string name, string text, out TeamTable table)
    {
        var problems = new List<string>();
        var entries = new List<TeamEntry>();
        var sawHeader = false;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split(',');
            if (!sawHeader)
            {
                sawHeader = true;
                if (!cols.Select(c => c.Trim()).SequenceEqual(Header)) problems.Add($"{name}:{lineNo}: header must be {string.Join(',', Header)}");
                continue;
            }
            if (cols.Length != Header.Length)
            {
                problems.Add($"{name}:{lineNo}: {cols.Length} columns, expected {Header.Length}");
                continue;
            }
            entries.Add(new TeamEntry(cols[0].Trim(), Many(cols[1]), cols[2].Trim(), Many(cols[3]), cols[4].Trim(), Many(cols[5])));
        }
        if (!sawHeader) problems.Add($"{name}: no header");
        problems.AddRange(TeamTable.TryCreate(name, entries, out table).Select(p => $"{name}: {p.Kind} {p.Detail}"));
        return problems;
    }

    private static string[] Many(string column) =>
        column.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
