using System.Collections.Immutable;
using KalshiArb.Domain.Book;

namespace KalshiArb.Actors.Market;

// Seq on these messages counts per market (snapshot = the start, each delta + 1), assigned by the feed after it
// checked Kalshi's per-subscription seq. The book's own seq check then catches anything lost between the feed
// and the actor (e.g. a message dropped during a shard hand-over).

/// <summary>A full book: replaces whatever the actor held and makes it whole.</summary>
public sealed record BookSnapshotReceived(
    string Ticker, long Seq, ImmutableArray<BookLevel> YesBids, ImmutableArray<BookLevel> NoBids, long ReceivedAtMs) : ITickerMessage;

/// <summary>A signed change of one bid level (YES bids or NO bids, in that side's own price).</summary>
public sealed record BookDeltaReceived(string Ticker, long Seq, OutcomeSide Side, Price Price, Quantity Delta, long ReceivedAtMs) : ITickerMessage;

/// <summary>The book is not whole until the next snapshot.</summary>
public sealed record BookInvalidated(string Ticker, BookInvalidation Reason, long AtMs) : ITickerMessage;

/// <summary>A public trade print.</summary>
public sealed record TradeReceived(string Ticker, string TradeId, Price YesPrice, Quantity Count, long AtMs) : ITickerMessage;

/// <summary>Market lifecycle change (activated, deactivated, closed, settled).</summary>
public sealed record MarketStatusChanged(string Ticker, MarketTradingStatus Status, long AtMs) : ITickerMessage;

/// <summary>Sent by a MarketActor whose book found a gap of its own: the feed should ask Kalshi for a fresh snapshot.</summary>
public sealed record BookResyncRequested(string Ticker, BookUpdateResult Reason) : ITickerMessage;

/// <summary>
/// The feed is connected, hears from Kalshi and saw no gap on this book since its snapshot: the book is still
/// current although it has not changed. Keeps a quiet market's book from counting as stale.
/// </summary>
public sealed record BookConfirmed(string Ticker, long AtMs) : ITickerMessage;
