namespace KalshiArb.Domain.Tests.Detection;

public class EdgeDetectorProperties
{
    private static readonly Gen<BookLevel[]> Side =
        Gen.Choose(1, 99).SelectMany(c => Gen.Choose(1, 30_000).Select(h => new BookLevel(Price.FromCents(c), new Quantity(h))))
            .ArrayOf()
            .Select(a => a.DistinctBy(l => l.Price).ToArray());

    /// <summary>Uncrossed books: YES bids below 1 − best NO bid.</summary>
    private static readonly Gen<OrderBook> Books =
        from yes in Side
        from no in Side
        select Build(yes, no);

    private static OrderBook Build(BookLevel[] yes, BookLevel[] no)
    {
        var maxNo = no.Length == 0 ? 0 : no.Max(l => l.Price.Ticks);
        var book = new OrderBook(PriceGrid.Cents);
        book.ApplySnapshot(1, yes.Where(l => l.Price.Ticks + maxNo < Price.TicksPerDollar).ToArray(), no);
        return book;
    }

    private static readonly Gen<(int Bankroll, int Cap)> Limits =
        from bankroll in Gen.Choose(1, 50_000)
        from cap in Gen.Choose(0, 2_000)
        select (bankroll, cap);

    [Property(MaxTest = 300)]
    public Property Every_signal_respects_its_bounds() =>
        Prop.ForAll(Books.ToArbitrary(), Gen.Choose(2, 98).ToArbitrary(), Limits.ToArbitrary(),
            (book, fairPct, limits) =>
            {
                var (bankrollDollars, capContracts) = limits;
                var input = DetectionCases.Input(book, fairPct / 100.0) with
                {
                    Bankroll = Money.FromDollars(bankrollDollars),
                    PerMarketCap = Quantity.FromContracts(capContracts),
                };
                var d = EdgeDetector.Evaluate(input);
                if (d is SkipDecision) return true.Label("skip");
                var s = (SignalDecision)d;
                var policy = input.Policy;
                var contracts = s.Size.Hundredths / 100.0;
                var kellyContracts = policy.KellyFraction * s.KellyFullFraction * bankrollDollars / s.AllInCostPerContract;
                var quote = book.QuoteBuy(s.Side, s.Size, s.LimitPrice, FeeSchedule.SportsGame);
                return (s.Size <= input.PerMarketCap).Label("cap")
                       .And((s.Size <= book.LiquidityToBuy(s.Side, s.LimitPrice)).Label("liquidity"))
                       .And((s.TotalCost <= input.Bankroll).Label("bankroll"))
                       .And((contracts <= kellyContracts + 1e-9).Label("kelly"))
                       .And((s.Size >= policy.MinSize && s.Size.Hundredths % 100 == 0).Label("whole, at least minimum"))
                       .And((s.EdgePerContract >= policy.MinEdge).Label("edge"))
                       .And((s.Confidence is >= 0 and <= 1).Label("confidence"))
                       .And((quote.IsComplete && quote.TotalCost == s.TotalCost && quote.TakerFee == s.TakerFee).Label("quote reproduces"))
                       .And((BreakEvenExit.NetProceeds(s.BreakEvenExit, s.Size, FeeSchedule.SportsGame) >= s.TotalCost).Label("break-even"))
                       .And((s.LimitPrice >= book.BestAsk(s.Side)!.Value.Price && s.AveragePrice <= s.LimitPrice).Label("limit"));
            });

    [Property(MaxTest = 200)]
    public Property Decision_is_deterministic() =>
        Prop.ForAll(Side.ToArbitrary(), Side.ToArbitrary(), Gen.Choose(2, 98).ToArbitrary(), (yes, no, fairPct) =>
        {
            var a = EdgeDetector.Evaluate(DetectionCases.Input(Build(yes, no), fairPct / 100.0));
            var b = EdgeDetector.Evaluate(DetectionCases.Input(Build(yes, no), fairPct / 100.0));
            return a == b;
        });
}
