namespace KalshiArb.Domain.Tests.Book;

public class OrderBookTests
{
    private static BookLevel L(string price, string size) => new(Price.Parse(price), Quantity.Parse(size));

    // YES bids 0.45×10, 0.47×3; NO bids 0.50×5, 0.52×1 (Kalshi order: ascending, best last)
    private static OrderBook Sample()
    {
        var book = new OrderBook(PriceGrid.Cents);
        Assert.Equal(BookUpdateResult.Applied,
            book.ApplySnapshot(1, [L("0.4500", "10.00"), L("0.4700", "3.00")], [L("0.5000", "5.00"), L("0.5200", "1.00")]));
        return book;
    }

    [Fact]
    public void New_book_is_not_whole_and_refuses_deltas()
    {
        var book = new OrderBook();
        Assert.False(book.IsWhole);
        Assert.Equal(BookUpdateResult.AwaitingSnapshot, book.NotWholeReason);
        Assert.Equal(BookUpdateResult.AwaitingSnapshot, book.ApplyDelta(1, OutcomeSide.Yes, Price.Parse("0.5"), Quantity.Parse("1")));
        Assert.Null(book.BestYesBid);
        Assert.Null(book.BestYesAsk);
    }

    [Fact]
    public void Snapshot_gives_best_bids_and_derived_asks()
    {
        var book = Sample();
        Assert.True(book.IsWhole);
        Assert.Equal(1, book.Seq);
        Assert.Equal(L("0.47", "3"), book.BestYesBid);
        Assert.Equal(L("0.52", "1"), book.BestNoBid);
        Assert.Equal(L("0.48", "1"), book.BestYesAsk);   // 1 − 0.52, NO bid's size
        Assert.Equal(L("0.53", "3"), book.BestNoAsk);    // 1 − 0.47, YES bid's size
        Assert.Equal(book.BestYesAsk, book.BestAsk(OutcomeSide.Yes));
        Assert.Equal(book.BestNoBid, book.BestBid(OutcomeSide.No));
        Assert.False(book.IsCrossed);
    }

    [Fact]
    public void Depth_is_best_first_for_bids_and_asks()
    {
        var book = Sample();
        var bids = new List<BookLevel>();
        foreach (var l in book.BidDepth(OutcomeSide.Yes)) bids.Add(l);
        Assert.Equal([L("0.47", "3"), L("0.45", "10")], bids);
        var asks = new List<BookLevel>();
        foreach (var l in book.AskDepth(OutcomeSide.Yes)) asks.Add(l);
        Assert.Equal([L("0.48", "1"), L("0.50", "5")], asks);
        Assert.Equal(L("0.55", "10"), book.AskDepth(OutcomeSide.No)[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => book.AskDepth(OutcomeSide.No)[2]);
    }

    [Fact]
    public void Deltas_add_change_and_remove_levels()
    {
        var book = Sample();
        Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta(2, OutcomeSide.No, Price.Parse("0.5200"), Quantity.Parse("-1.00")));
        Assert.Equal(L("0.50", "5"), book.BestNoBid);      // 0.52 level gone
        Assert.Equal(1, book.NoBids.Count);
        Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta(3, OutcomeSide.Yes, Price.Parse("0.48"), Quantity.Parse("2.50")));
        Assert.Equal(L("0.48", "2.5"), book.BestYesBid);
        Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta(4, OutcomeSide.Yes, Price.Parse("0.45"), Quantity.Parse("-4")));
        Assert.Equal(Quantity.Parse("6"), book.YesBids.SizeAt(Price.Parse("0.45")));
        Assert.Equal(4, book.Seq);
        Assert.True(book.IsWhole);
    }

    [Fact]
    public void Seq_gap_refuses_delta_and_marks_not_whole_until_snapshot()
    {
        var book = Sample();
        Assert.Equal(BookUpdateResult.Gap, book.ApplyDelta(3, OutcomeSide.Yes, Price.Parse("0.40"), Quantity.Parse("1")));
        Assert.False(book.IsWhole);
        Assert.Equal(BookUpdateResult.Gap, book.NotWholeReason);
        Assert.Equal(Quantity.Zero, book.YesBids.SizeAt(Price.Parse("0.40")));
        Assert.Equal(BookUpdateResult.AwaitingSnapshot, book.ApplyDelta(2, OutcomeSide.Yes, Price.Parse("0.40"), Quantity.Parse("1")));
        Assert.Equal(BookUpdateResult.Applied, book.ApplySnapshot(7, [L("0.40", "1")], []));
        Assert.True(book.IsWhole);
        Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta(8, OutcomeSide.No, Price.Parse("0.55"), Quantity.Parse("1")));
    }

    [Fact]
    public void Duplicate_or_old_seq_is_a_gap()
    {
        var book = Sample();
        Assert.Equal(BookUpdateResult.Gap, book.ApplyDelta(1, OutcomeSide.Yes, Price.Parse("0.40"), Quantity.Parse("1")));
        Assert.False(book.IsWhole);
    }

    [Fact]
    public void Delta_making_level_negative_is_refused()
    {
        var book = Sample();
        Assert.Equal(BookUpdateResult.NegativeLevel, book.ApplyDelta(2, OutcomeSide.No, Price.Parse("0.52"), Quantity.Parse("-2")));
        Assert.False(book.IsWhole);
        Assert.Equal(BookUpdateResult.NegativeLevel, book.NotWholeReason);
        Assert.Equal(Quantity.Parse("1"), book.NoBids.SizeAt(Price.Parse("0.52")));

        var other = Sample();
        Assert.Equal(BookUpdateResult.NegativeLevel, other.ApplyDelta(2, OutcomeSide.No, Price.Parse("0.30"), Quantity.Parse("-1")));
    }

    [Theory]
    [InlineData("0.0000")]
    [InlineData("1.0000")]
    [InlineData("0.5050")]
    public void Invalid_or_off_grid_delta_price_is_refused(string price)
    {
        var book = Sample();
        Assert.Equal(BookUpdateResult.InvalidPrice, book.ApplyDelta(2, OutcomeSide.Yes, Price.Parse(price), Quantity.Parse("1")));
        Assert.False(book.IsWhole);
    }

    [Fact]
    public void Sub_cent_prices_are_fine_without_a_grid()
    {
        var book = new OrderBook();
        Assert.Equal(BookUpdateResult.Applied, book.ApplySnapshot(1, [L("0.5050", "1")], []));
        Assert.Equal(L("0.4950", "1"), book.BestNoAsk);
    }

    [Fact]
    public void Bad_snapshots_are_refused_and_leave_book_empty()
    {
        var book = Sample();
        Assert.Equal(BookUpdateResult.DuplicateLevel, book.ApplySnapshot(5, [L("0.40", "1"), L("0.40", "2")], []));
        Assert.False(book.IsWhole);
        Assert.Equal(0, book.YesBids.Count);
        Assert.Equal(BookUpdateResult.InvalidSize, book.ApplySnapshot(5, [], [L("0.40", "-1")]));
        Assert.Equal(BookUpdateResult.InvalidPrice, book.ApplySnapshot(5, [], [L("0.00", "1")]));
        Assert.Equal(BookUpdateResult.InvalidPrice, book.NotWholeReason);
    }

    [Fact]
    public void Snapshot_accepts_any_order_and_skips_zero_sizes()
    {
        var book = new OrderBook();
        Assert.Equal(BookUpdateResult.Applied, book.ApplySnapshot(1, [L("0.47", "3"), L("0.10", "0"), L("0.45", "10")], []));
        Assert.Equal(2, book.YesBids.Count);
        Assert.Equal(L("0.47", "3"), book.BestYesBid);
    }

    [Fact]
    public void Invalidate_marks_not_whole()
    {
        var book = Sample();
        book.Invalidate();
        Assert.False(book.IsWhole);
        Assert.Equal(BookUpdateResult.Invalidated, book.NotWholeReason);
    }

    [Fact]
    public void Crossed_book_is_detected()
    {
        var book = new OrderBook();
        book.ApplySnapshot(1, [L("0.50", "1")], [L("0.50", "1")]);
        Assert.True(book.IsCrossed);
    }

    [Fact]
    public void Liquidity_counts_levels_at_or_better_than_limit()
    {
        var book = Sample();
        Assert.Equal(Quantity.Zero, book.LiquidityToBuy(OutcomeSide.Yes, Price.Parse("0.47")));
        Assert.Equal(Quantity.Parse("1"), book.LiquidityToBuy(OutcomeSide.Yes, Price.Parse("0.48")));
        Assert.Equal(Quantity.Parse("1"), book.LiquidityToBuy(OutcomeSide.Yes, Price.Parse("0.49")));
        Assert.Equal(Quantity.Parse("6"), book.LiquidityToBuy(OutcomeSide.Yes, Price.Parse("0.50")));
        Assert.Equal(Quantity.Parse("13"), book.LiquidityToBuy(OutcomeSide.No, Price.Parse("0.99")));
    }

    [Fact]
    public void Take_quote_walks_levels_with_per_fill_fees()
    {
        var book = Sample();
        var q = book.QuoteBuy(OutcomeSide.Yes, Quantity.Parse("4"), Price.Parse("0.50"), FeeSchedule.SportsGame);
        Assert.Equal(Quantity.Parse("4"), q.Filled);
        Assert.True(q.IsComplete);
        Assert.Equal(2, q.LevelsWalked);
        Assert.Equal(Money.Parse("1.98"), q.Notional);     // 1×0.48 + 3×0.50
        // fills: 0.07×1×0.48×0.52 = 0.017472 → 0.0175; 0.07×3×0.25 = 0.0525 → sum 0.07 → order 0.07
        Assert.Equal(Money.Parse("0.07"), q.TakerFee);
        Assert.Equal(Price.Parse("0.4950"), q.AveragePrice);
        Assert.Equal(Price.Parse("0.50"), q.WorstPrice);
        Assert.Equal(Money.Parse("2.05"), q.TotalCost);
        Assert.Equal(2.05 / 4, q.AllInCostPerContract, 12);
    }

    [Fact]
    public void Take_quote_stops_at_limit()
    {
        var book = Sample();
        var q = book.QuoteBuy(OutcomeSide.Yes, Quantity.Parse("100"), Price.Parse("0.49"), FeeSchedule.SportsGame);
        Assert.Equal(Quantity.Parse("1"), q.Filled);
        Assert.False(q.IsComplete);
        Assert.Equal(1, q.LevelsWalked);
        Assert.Equal(Price.Parse("0.48"), q.WorstPrice);

        var none = book.QuoteBuy(OutcomeSide.Yes, Quantity.Parse("100"), Price.Parse("0.40"), FeeSchedule.SportsGame);
        Assert.True(none.IsEmpty);
        Assert.Equal(Money.Zero, none.TotalCost);
        Assert.Equal(0, none.AllInCostPerContract);
    }

    [Fact]
    public void Worked_fee_example_through_the_book()
    {
        var book = new OrderBook(PriceGrid.Cents);
        book.ApplySnapshot(1, [], [L("0.50", "500")]);
        var q = book.QuoteBuy(OutcomeSide.Yes, Quantity.FromContracts(100), Price.Parse("0.50"), FeeSchedule.SportsGame);
        Assert.Equal(Money.Parse("1.75"), q.TakerFee);
        Assert.Equal(0.5175, q.AllInCostPerContract, 12);
    }

    [Fact]
    public void Ladder_grows_past_initial_capacity()
    {
        var book = new OrderBook(PriceGrid.Cents);
        book.ApplySnapshot(1, [], []);
        long seq = 1;
        for (var c = 99; c >= 1; c -= 2)
            Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta(++seq, OutcomeSide.Yes, Price.FromCents(c), Quantity.FromContracts(c)));
        for (var c = 2; c <= 98; c += 2)
            Assert.Equal(BookUpdateResult.Applied, book.ApplyDelta(++seq, OutcomeSide.Yes, Price.FromCents(c), Quantity.FromContracts(c)));
        Assert.Equal(99, book.YesBids.Count);
        for (var d = 0; d < 99; d++)
            Assert.Equal(new BookLevel(Price.FromCents(99 - d), Quantity.FromContracts(99 - d)), book.YesBids.FromBest(d));
    }
}
