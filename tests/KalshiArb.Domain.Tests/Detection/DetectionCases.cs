namespace KalshiArb.Domain.Tests.Detection;

/// <summary>Builds detection inputs: a whole, fresh market 2 h before the game with $10,000 and a 1,000-contract cap.</summary>
internal static class DetectionCases
{
    public const string Ticker = "KXNFLGAME-26SEP20PHITEN-PHI";
    public static readonly DateTimeOffset Now = new(2026, 9, 20, 15, 0, 0, TimeSpan.Zero);

    public static BookLevel L(string price, string size) => new(Price.Parse(price), Quantity.Parse(size));

    /// <summary>A book whose YES ask is <paramref name="yesAsk"/> × <paramref name="size"/> and NO ask 1 − yesBid.</summary>
    public static OrderBook MarketBook(string yesAsk, string size, string yesBid = "0.45", string bidSize = "100")
    {
        var book = new OrderBook(PriceGrid.Cents);
        book.ApplySnapshot(1, [L(yesBid, bidSize)], [new BookLevel(Price.Parse(yesAsk).Complement, Quantity.Parse(size))]);
        return book;
    }

    public static OrderBook MarketBook(BookLevel[] yesBids, BookLevel[] noBids)
    {
        var book = new OrderBook(PriceGrid.Cents);
        book.ApplySnapshot(1, yesBids, noBids);
        return book;
    }

    /// <summary>Asserts a skip for this reason, on this market, with a detail to read.</summary>
    public static SkipDecision Skipped(DetectionDecision d, SkipReason reason)
    {
        var s = Assert.IsType<SkipDecision>(d);
        Assert.Equal(reason, s.Reason);
        Assert.Equal(Ticker, s.Ticker);
        Assert.False(string.IsNullOrWhiteSpace(s.Detail));
        return s;
    }

    public static DetectionInput Input(OrderBook book, double fairYes) => new()
    {
        Ticker = Ticker,
        Book = book,
        FairYes = fairYes,
        ConsensusBooks = 5,
        Dispersion = 0.01,
        OddsAge = TimeSpan.FromSeconds(30),
        BookAge = TimeSpan.FromSeconds(1),
        GameStart = Now.AddHours(2),
        Now = Now,
        Bankroll = Money.FromDollars(10_000),
        PerMarketCap = Quantity.FromContracts(1_000),
        Fees = FeeSchedule.SportsGame,
        DecisionBucket = 42,
    };
}
