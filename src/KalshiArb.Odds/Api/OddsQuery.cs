namespace KalshiArb.Odds.Api;

/// <summary>Optional narrowing of one odds call; unset fields use <see cref="OddsApiOptions"/>.</summary>
public sealed record OddsQuery
{
    public string? Regions { get; init; }
    public IReadOnlyList<string>? Bookmakers { get; init; }
    public IReadOnlyList<string>? EventIds { get; init; }
    public DateTimeOffset? CommenceTimeFrom { get; init; }
    public DateTimeOffset? CommenceTimeTo { get; init; }
}
