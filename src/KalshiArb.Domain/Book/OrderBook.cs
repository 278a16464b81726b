using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Book;

/// <summary>
/// The order book of one binary market as Kalshi streams it: YES bids and NO bids only
/// (a YES ask is 1 − the best NO bid). Built from a snapshot, then seq-checked signed deltas.
/// Not thread-safe: owned by one actor. The delta path neither allocates nor throws.
/// </summary>
public sealed class OrderBook
{
    private readonly BidLadder _yes = new();
    private readonly BidLadder _no = new();
    private readonly PriceGrid? _grid;

    /// <param name="grid">The market's price_ranges; when given, off-grid levels are refused.</param>
    public OrderBook(PriceGrid? grid = null)
    {
        _grid = grid;
        NotWholeReason = BookUpdateResult.AwaitingSnapshot;
    }

    /// <summary>Seq of the last snapshot or delta applied.</summary>
    public long Seq { get; private set; }

    /// <summary>True after a valid snapshot and every delta since applied in seq order. Trade only whole books.</summary>
    public bool IsWhole { get; private set; }

    /// <summary>Why the book is not whole (Applied when it is).</summary>
    public BookUpdateResult NotWholeReason { get; private set; }

    public BidLadder YesBids => _yes;
    public BidLadder NoBids => _no;

    public BookLevel? BestYesBid => _yes.Best;
    public BookLevel? BestNoBid => _no.Best;

    /// <summary>Lowest price to buy YES: 1 − best NO bid, with that NO level's size.</summary>
    public BookLevel? BestYesAsk => AskFrom(_no);

    /// <summary>Lowest price to buy NO: 1 − best YES bid, with that YES level's size.</summary>
    public BookLevel? BestNoAsk => AskFrom(_yes);

    public BookLevel? BestBid(OutcomeSide side) => Bids(side).Best;
    public BookLevel? BestAsk(OutcomeSide side) => AskFrom(Opposite(side));

    /// <summary>Best-first bids of <paramref name="side"/>.</summary>
    public BookDepth BidDepth(OutcomeSide side) => new(Bids(side), asAsks: false);

    /// <summary>Best-first asks to buy <paramref name="side"/> (derived from the other side's bids).</summary>
    public BookDepth AskDepth(OutcomeSide side) => new(Opposite(side), asAsks: true);

    /// <summary>YES bid + NO bid ≥ $1: the exchange would have matched these; treat as unusable.</summary>
    public bool IsCrossed =>
        _yes.Count > 0 && _no.Count > 0 &&
        _yes.RawTicksFromBest(0) + _no.RawTicksFromBest(0) >= Price.TicksPerDollar;

    /// <summary>
    /// Replaces the book. Levels may come in any order; zero sizes are skipped. A refused snapshot
    /// leaves the book empty and not whole.
    /// </summary>
    public BookUpdateResult ApplySnapshot(long seq, ReadOnlySpan<BookLevel> yesLevels, ReadOnlySpan<BookLevel> noLevels)
    {
        _yes.Clear();
        _no.Clear();
        Seq = seq;
        var result = Load(_yes, yesLevels);
        if (result == BookUpdateResult.Applied) result = Load(_no, noLevels);
        if (result != BookUpdateResult.Applied)
        {
            _yes.Clear();
            _no.Clear();
            MarkNotWhole(result);
            return result;
        }
        IsWhole = true;
        NotWholeReason = BookUpdateResult.Applied;
        return BookUpdateResult.Applied;
    }

    /// <summary>Applies one signed change at a price. Must carry seq = <see cref="Seq"/> + 1.</summary>
    public BookUpdateResult ApplyDelta(long seq, OutcomeSide side, Price price, Quantity delta)
    {
        if (!IsWhole) return BookUpdateResult.AwaitingSnapshot;
        if (seq != Seq + 1) return Refuse(BookUpdateResult.Gap);
        if (!IsValidLevelPrice(price)) return Refuse(BookUpdateResult.InvalidPrice);
        var result = Bids(side).ApplyDelta(price.Ticks, delta.Hundredths);
        if (result != BookUpdateResult.Applied) return Refuse(result);
        Seq = seq;
        return BookUpdateResult.Applied;
    }

    /// <summary>Marks the book unusable until the next snapshot (feed disconnect, external gap).</summary>
    public void Invalidate() => MarkNotWhole(BookUpdateResult.Invalidated);

    /// <summary>Contracts of <paramref name="side"/> buyable now at or below <paramref name="limit"/>.</summary>
    public Quantity LiquidityToBuy(OutcomeSide side, Price limit) =>
        Opposite(side).SizeAtOrAbove(limit.Complement);

    /// <summary>
    /// Walks the asks for <paramref name="side"/> best first, up to <paramref name="count"/> contracts and no
    /// price above <paramref name="limit"/>. Average price is rounded up to the tick (never understates cost).
    /// </summary>
    public TakeQuote QuoteBuy(OutcomeSide side, Quantity count, Price limit, FeeSchedule fees)
    {
        var ladder = Opposite(side);
        var remaining = Math.Max(0, count.Hundredths);
        long filled = 0;
        long notional = 0;
        long fillFees = 0;
        var worst = 0;
        var levels = 0;
        for (var d = 0; d < ladder.Count && remaining > 0; d++)
        {
            var askTicks = Price.TicksPerDollar - ladder.RawTicksFromBest(d);
            if (askTicks > limit.Ticks) break;
            var take = Math.Min(remaining, ladder.RawSizeFromBest(d));
            var price = new Price(askTicks);
            var qty = new Quantity(take);
            notional += Money.Notional(price, qty).Units;
            fillFees += fees.FillFee(FeeRole.Taker, qty, price).Units;
            filled += take;
            remaining -= take;
            worst = askTicks;
            levels++;
        }
        var average = filled == 0 ? 0 : (int)Money.CeilDiv(notional * 100, filled);
        return new TakeQuote(side, new Quantity(Math.Max(0, count.Hundredths)), new Quantity(filled), new Money(notional),
            FeeSchedule.OrderFeeFromFills(new Money(fillFees)), new Price(average), new Price(worst), levels);
    }

    private BookUpdateResult Load(BidLadder ladder, ReadOnlySpan<BookLevel> levels)
    {
        foreach (var level in levels)
        {
            if (!IsValidLevelPrice(level.Price)) return BookUpdateResult.InvalidPrice;
            if (level.Size.Hundredths < 0) return BookUpdateResult.InvalidSize;
            if (level.Size.Hundredths == 0) continue;
            if (!ladder.TryLoad(level.Price.Ticks, level.Size.Hundredths)) return BookUpdateResult.DuplicateLevel;
        }
        return BookUpdateResult.Applied;
    }

    private bool IsValidLevelPrice(Price p) =>
        p.Ticks is > 0 and < Price.TicksPerDollar && (_grid is null || _grid.Contains(p));

    private BookUpdateResult Refuse(BookUpdateResult reason)
    {
        MarkNotWhole(reason);
        return reason;
    }

    private void MarkNotWhole(BookUpdateResult reason)
    {
        IsWhole = false;
        NotWholeReason = reason;
    }

    private BidLadder Bids(OutcomeSide side) => side == OutcomeSide.Yes ? _yes : _no;
    private BidLadder Opposite(OutcomeSide side) => side == OutcomeSide.Yes ? _no : _yes;

    private static BookLevel? AskFrom(BidLadder otherSide) =>
        otherSide.Best is { } bid ? new BookLevel(bid.Price.Complement, bid.Size) : null;
}
