namespace KalshiArb.Kalshi.Rest;

/// <summary>One page of a cursor-paged list; Cursor is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Cursor);

/// <summary>Markets found for the configured series, and those refused (with the reason).</summary>
public sealed record MarketDiscovery(IReadOnlyList<Model.KalshiMarket> Markets, IReadOnlyList<string> Rejected)
{
    /// <summary>Markets refused because their ticker breaks the ticker grammar ("ticker: fault", ticker made printable).</summary>
    public IReadOnlyList<string> InvalidTickers { get; init; } = [];
}
