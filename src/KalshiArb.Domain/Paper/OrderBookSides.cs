using KalshiArb.Domain.Book;

namespace KalshiArb.Domain.Paper;

internal static class OrderBookSides
{
    /// <summary>The bid ladder of one side (YES bids in YES prices, NO bids in NO prices).</summary>
    public static BidLadder YesOrNoBids(this OrderBook book, OutcomeSide side) =>
        side == OutcomeSide.Yes ? book.YesBids : book.NoBids;
}
