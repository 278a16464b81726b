namespace KalshiArb.Domain.Tests.Book;

/// <summary>The hot path must not allocate, and 5,000 books must stay small.</summary>
public class OrderBookFootprintTests
{
    private static OrderBook Warm(out long seq)
    {
        var book = new OrderBook(PriceGrid.Cents);
        var yes = new BookLevel[40];
        var no = new BookLevel[40];
        for (var i = 0; i < 40; i++)
        {
            yes[i] = new BookLevel(Price.FromCents(i + 1), Quantity.FromContracts(10));
            no[i] = new BookLevel(Price.FromCents(i + 1), Quantity.FromContracts(10));
        }
        book.ApplySnapshot(1, yes, no);
        seq = 1;
        return book;
    }

    [Fact]
    public void Deltas_quotes_and_tops_do_not_allocate()
    {
        var book = Warm(out var seq);
        var fees = FeeSchedule.SportsGame;
        // Warm every path until tiered compilation has settled (its tier-up and on-stack replacement can allocate
        // on this thread; a short warm-up let that land inside the measured loop once).
        for (var i = 0; i < 50_000; i++) Churn(book, ref seq, i, fees);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20_000; i++) Churn(book, ref seq, i, fees);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(book.IsWhole);
        Assert.Equal(0, allocated);
    }

    private static void Churn(OrderBook book, ref long seq, int i, FeeSchedule fees)
    {
        var side = (i & 1) == 0 ? OutcomeSide.Yes : OutcomeSide.No;
        var price = Price.FromCents(1 + i % 30);
        // add a level then take it away: creates and removes levels inside existing capacity
        Check(book.ApplyDelta(++seq, side, Price.FromCents(45), Quantity.FromContracts(3)));
        Check(book.ApplyDelta(++seq, side, price, Quantity.FromContracts(2)));
        Check(book.ApplyDelta(++seq, side, price, Quantity.FromContracts(-2)));
        Check(book.ApplyDelta(++seq, side, Price.FromCents(45), Quantity.FromContracts(-3)));
        _ = book.BestYesAsk;
        _ = book.BestNoBid;
        _ = book.LiquidityToBuy(OutcomeSide.Yes, Price.FromCents(70));
        _ = book.QuoteBuy(OutcomeSide.No, Quantity.FromContracts(50), Price.FromCents(80), fees);
        foreach (var level in book.AskDepth(OutcomeSide.Yes)) _ = level.Size;
    }

    private static void Check(BookUpdateResult r)
    {
        if (r != BookUpdateResult.Applied) throw new InvalidOperationException(r.ToString());
    }

    [Fact]
    public void Five_thousand_books_fit_in_a_few_megabytes()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var books = new OrderBook[5_000];
        var yes = new BookLevel[12];
        var no = new BookLevel[12];
        for (var i = 0; i < 12; i++)
        {
            yes[i] = new BookLevel(Price.FromCents(30 + i), Quantity.FromContracts(100));
            no[i] = new BookLevel(Price.FromCents(40 + i), Quantity.FromContracts(100));
        }
        for (var b = 0; b < books.Length; b++)
        {
            books[b] = new OrderBook(PriceGrid.Cents);
            books[b].ApplySnapshot(1, yes, no);
        }
        var perBook = (GC.GetAllocatedBytesForCurrentThread() - before) / books.Length;
        Assert.All(books, b => Assert.True(b.IsWhole));
        Assert.InRange(perBook, 100, 1_024); // 12 levels a side: ~0.7 KB a book, ~3.5 MB for 5,000
    }
}
