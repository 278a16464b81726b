using KalshiArb.Actors.Market;

namespace KalshiArb.Actors.Feed;

public enum CatalogRejectReason
{
    /// <summary>Listing the markets failed (the whole refresh produced nothing).</summary>
    DiscoveryFailed,

    /// <summary>The series (and so its fee rule) could not be read: its markets are left out, never traded on guessed fees.</summary>
    SeriesUnavailable,

    /// <summary>The REST client refused the market's fields (see detail).</summary>
    MalformedMarket,

    /// <summary>The ticker breaks the market-ticker grammar (bad bytes, characters or shape): never a market, book or subscription.</summary>
    InvalidTicker,
}

public sealed record CatalogRejection(string Subject, CatalogRejectReason Reason, string Detail);

/// <summary>One discovery round: the markets sent to their actors, and what was left out with reasons.</summary>
public sealed record CatalogResult(IReadOnlyList<MarketMetadata> Markets, IReadOnlyList<CatalogRejection> Rejected, long AtMs);

/// <summary>Sent to the catalog's subscribers (feed, odds poller) after each discovery round that found markets.</summary>
public sealed record MarketsDiscovered(IReadOnlyList<MarketMetadata> Markets);
