namespace KalshiArb.Domain.Odds;

/// <summary>
/// One team as the three sources name it: Kalshi's ticker code (plus alternative codes seen or
/// suspected), The Odds API's full name (plus former/alternative spellings), and Kalshi's
/// <c>yes_sub_title</c> short name (plus aliases). All comparisons are exact, case-insensitive.
/// </summary>
public sealed record TeamEntry(
    string Code,
    IReadOnlyList<string> AltCodes,
    string FullName,
    IReadOnlyList<string> AltFullNames,
    string ShortName,
    IReadOnlyList<string> Aliases)
{
    public IEnumerable<string> AllCodes => AltCodes.Prepend(Code);

    public IEnumerable<string> OddsApiNames => AltFullNames.Prepend(FullName);

    public bool IsNamedByOddsApi(string name) => OddsApiNames.Any(n => Same(n, name));

    /// <summary>Whether a Kalshi yes_sub_title names this team (short name, alias or full name).</summary>
    public bool IsNamedBySubTitle(string subTitle) =>
        Same(ShortName, subTitle) || Aliases.Any(a => Same(a, subTitle)) || IsNamedByOddsApi(subTitle);

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
