namespace KalshiArb.Kalshi.Rest;

/// <summary>One page of a cursor-paged list; Cursor is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Cursor);

/// <summary>Markets found for the configured series, and those refused (with the reason).</summary>
public sealed record MarketDiscovery(IReadOnlyList<Model.KalshiMarket> Markets, IReadOnlyList<string> Rejected);
