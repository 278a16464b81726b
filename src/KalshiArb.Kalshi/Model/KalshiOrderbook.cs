using KalshiArb.Domain.Book;
using System.Collections.Immutable;

namespace KalshiArb.Kalshi.Model;

/// <summary>REST order book: YES bids and NO bids, ascending, best last (NO levels are in NO prices).</summary>
public sealed record KalshiOrderbook(string Ticker, ImmutableArray<BookLevel> YesBids, ImmutableArray<BookLevel> NoBids);
