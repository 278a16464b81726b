using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Actors.Venues.Paper;

/// <summary>
/// The paper venue's books as the <see cref="PaperVenueFeed"/> keeps them on the live market: market rules, book
/// updates, public trades and lifecycle. The paper venue (KalshiArb.Adapters) implements it, so this actor needs no
/// adapter. Calls must be short and must not block.
/// </summary>
public interface IPaperBooks
{
    /// <summary>Sets a market's price grid, fee rule and whether it takes fractional counts.</summary>
    void ConfigureMarket(string ticker, PriceGrid grid, FeeSchedule fees, bool fractionalTrading = false);

    BookUpdateResult ApplySnapshot(string ticker, long seq, ReadOnlySpan<BookLevel> yesBids, ReadOnlySpan<BookLevel> noBids);

    BookUpdateResult ApplyDelta(string ticker, long seq, OutcomeSide side, Price price, Quantity delta);

    /// <summary>The feed lost the book (gap, disconnect): new paper orders there are refused until a snapshot.</summary>
    void InvalidateBook(string ticker);

    /// <summary>A public trade; <paramref name="takerSide"/> = the outcome the taker bought (Kalshi taker_side).</summary>
    void ApplyTrade(string ticker, Price yesPrice, Quantity count, OutcomeSide takerSide, long timestampMs);

    /// <summary>Market closed or paused: resting paper orders are canceled and new ones refused.</summary>
    void CloseMarket(string ticker, long timestampMs);

    /// <summary>Market (re)activated: orders are accepted again (not after settlement).</summary>
    void OpenMarket(string ticker);

    /// <summary>Settles the market once at <paramref name="yesValue"/> per YES contract; returns the amount credited.</summary>
    Money SettleMarket(string ticker, Price yesValue, long timestampMs);
}
