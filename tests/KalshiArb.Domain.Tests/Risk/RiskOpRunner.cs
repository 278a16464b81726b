namespace KalshiArb.Domain.Tests.Risk;

/// <summary>
/// Drives a <see cref="RiskBook"/> through random <see cref="RiskOp"/>s the way the gate would: reservations,
/// fills at or below the limit with Kalshi's per-fill taker fee, terminals, settlements, kill-switch moves and
/// time passing. Shared by the risk property tests so each states only its own invariant.
/// </summary>
public sealed class RiskOpRunner(RiskLimits limits, Func<int, string> tickerOf, bool newDays)
{
    private int _executions;
    private int _trades;

    public RiskBook Book { get; private set; } = RiskBook.Create(limits, Money.FromDollars(400), new DateOnly(2026, 11, 23));

    public DateOnly Day { get; private set; } = new(2026, 11, 23);

    public DateTimeOffset Now { get; private set; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Gen<RiskOp> Ops(int markets, int reserveWeight) =>
        from kind in Gen.Frequency((reserveWeight, Gen.Constant(0)), (5, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)))
        from market in Gen.Choose(0, markets - 1)
        from side in Gen.Elements(OutcomeSide.Yes, OutcomeSide.No)
        from cents in Gen.Choose(5, 95)
        from contracts in Gen.Choose(1, 80)
        from pick in Gen.Choose(0, 100)
        from pct in Gen.Choose(1, 100)
        select new RiskOp(kind, market, side, cents, contracts, pick, pct);

    /// <summary>Applies one op; for a reservation returns the gate's decision (a denial never changes the book).</summary>
    public RiskDecision? Apply(RiskOp op)
    {
        var ticker = tickerOf(op.Market);
        var book = Book;
        RiskDecision? decision = null;
        switch (op.Kind)
        {
            case 0:
                decision = book.Evaluate(new ReservationRequest("e" + _executions++, ticker, op.Side, Price.FromCents(op.Cents), Quantity.FromContracts(op.Contracts)),
                    Now, Day);
                if (!decision.IsApproved) Assert.Same(book, decision.Book);
                book = decision.Book;
                break;
            case 1 when book.Reservations.Count > 0:
            {
                var res = book.Reservations.Values.OrderBy(r => r.ExecutionId, StringComparer.Ordinal).ElementAt(op.Pick % book.Reservations.Count);
                if (res.RemainingCount.IsZero) break;
                var count = new Quantity(Math.Max(1, res.RemainingCount.Hundredths * op.FillPercent / 100));
                // fills honour the limit: at or below it, with Kalshi's per-fill taker fee
                var price = new Price(Math.Max(100, res.LimitPrice.Ticks - (op.Pick % 3) * 100));
                var fee = FeeSchedule.SportsGame.FillFee(FeeRole.Taker, count, price);
                var u = book.ApplyFill(new RiskFill(res.ExecutionId, "t" + _trades++, res.Ticker, res.Side, count, price, fee), Day);
                Assert.True(u.IsApplied, u.Error.ToString());
                book = u.Book;
                break;
            }
            case 2 when book.Reservations.Count > 0:
            {
                var id = book.Reservations.Keys.Order(StringComparer.Ordinal).ElementAt(op.Pick % book.Reservations.Count);
                book = book.ApplyOrderTerminal(id).Book;
                break;
            }
            case 3 when book.InFlight(ticker) is null:
                book = book.ApplySettlement(ticker, op.Side == OutcomeSide.Yes ? Price.One : Price.Zero, Now, Day).Book;
                break;
            case 4:
                book = (op.Pick % 3) switch { 0 => book.Halt(), 1 => book.EnterReduceOnly(), _ => book.Resume() };
                break;
            case 5:
                Now = Now.AddSeconds(op.Pick * 20);
                if (newDays && op.Pick > 90) Day = Day.AddDays(1);
                break;
        }
        Book = book;
        return decision;
    }
}
