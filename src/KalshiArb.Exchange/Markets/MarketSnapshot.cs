using KalshiArb.Domain.Book;
using KalshiArb.Exchange.Catalog;

namespace KalshiArb.Exchange.Markets;

/// <summary>A consistent copy of one market's mutable state.</summary>
public sealed record MarketSnapshot(
    MarketInfo Info,
    MarketStatus Status,
    string Result,
    BookTop Top,
    Price? LastPrice,
    Quantity Volume,
    Quantity OpenInterest,
    IReadOnlyList<BookLevel> YesLevels,
    IReadOnlyList<BookLevel> NoLevels)
{
    /// <summary>What a YES contract paid, once settled (served as settlement_value_dollars).</summary>
    public Price? SettlementValue { get; init; }
}
