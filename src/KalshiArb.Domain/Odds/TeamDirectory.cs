namespace KalshiArb.Domain.Odds;

/// <summary>The team table for each league. College leagues usually share one table.</summary>
public sealed class TeamDirectory(IReadOnlyDictionary<League, TeamTable> tables)
{
    public IReadOnlyDictionary<League, TeamTable> Tables { get; } = tables;

    public bool TryGetTable(League league, out TeamTable table) => Tables.TryGetValue(league, out table!);
}
