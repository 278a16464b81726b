using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiArb.Domain.Fees;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Domain.Tests.Risk;

/// <summary>One random gate input. Kind: 0 reserve, 1 fill an in-flight order, 2 terminal, 3 settle, 4 kill switch, 5 time passes.</summary>
public sealed record RiskOp(int Kind, int Market, OutcomeSide Side, int Cents, int Contracts, int Pick, int FillPercent);

public class RiskBookPropertyTests
{
    private static readonly Gen<RiskOp> OpGen =
        from kind in Gen.Frequency((5, Gen.Constant(0)), (5, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)))
        from market in Gen.Choose(0, 4)
        from side in Gen.Elements(OutcomeSide.Yes, OutcomeSide.No)
        from cents in Gen.Choose(5, 95)
        from contracts in Gen.Choose(1, 80)
        from pick in Gen.Choose(0, 100)
        from pct in Gen.Choose(1, 100)
        select new RiskOp(kind, market, side, cents, contracts, pick, pct);

    private static readonly Arbitrary<RiskOp[]> Ops = Arb.From(Gen.ArrayOf(OpGen));

    private static readonly RiskLimits Limits = RiskBookTests.Limits with { MaxOrdersPerMinute = 20, MaxOpenMarkets = 4 };

    [Property(MaxTest = 300)]
    public Property Reservations_are_conserved_and_exposure_stays_within_limits() =>
        Prop.ForAll(Ops, ops =>
        {
            var day = new DateOnly(2026, 11, 23);
            var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
            var book = RiskBook.Create(Limits, Money.FromDollars(400), day);
            var n = 0;
            var trade = 0;
            foreach (var op in ops)
            {
                var ticker = "M" + op.Market;
                switch (op.Kind)
                {
                    case 0:
                        var d = book.Evaluate(new ReservationRequest("e" + n++, ticker, op.Side, Price.FromCents(op.Cents), Quantity.FromContracts(op.Contracts)), now, day);
                        if (!d.IsApproved) Assert.Same(book, d.Book);
                        book = d.Book;
                        break;
                    case 1 when book.Reservations.Count > 0:
                    {
                        var res = book.Reservations.Values.OrderBy(r => r.ExecutionId, StringComparer.Ordinal).ElementAt(op.Pick % book.Reservations.Count);
                        if (res.RemainingCount.IsZero) break;
                        var count = new Quantity(Math.Max(1, res.RemainingCount.Hundredths * op.FillPercent / 100));
                        // fills honour the limit: at or below it, with Kalshi's per-fill taker fee
                        var price = new Price(Math.Max(100, res.LimitPrice.Ticks - (op.Pick % 3) * 100));
                        var fee = FeeSchedule.SportsGame.FillFee(FeeRole.Taker, count, price);
                        var u = book.ApplyFill(new RiskFill(res.ExecutionId, "t" + trade++, res.Ticker, res.Side, count, price, fee), day);
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
                        book = book.ApplySettlement(ticker, op.Side == OutcomeSide.Yes ? Price.One : Price.Zero, now, day).Book;
                        break;
                    case 4:
                        book = (op.Pick % 3) switch { 0 => book.Halt(), 1 => book.EnterReduceOnly(), _ => book.Resume() };
                        break;
                    case 5:
                        now = now.AddSeconds(op.Pick * 20);
                        if (op.Pick > 90) day = day.AddDays(1);
                        break;
                }

                foreach (var r in book.Reservations.Values)
                {
                    Assert.True(r.Unreleased >= Money.Zero, "a reservation went negative");
                    Assert.True(r.FilledCount <= r.Count);
                }
                Assert.True(book.Reserved >= Money.Zero);
                Assert.Equal(book.ReservedTotal, book.ReleasedTotal + book.Reserved);
                Assert.True(book.TotalExposure <= Limits.MaxTotalExposure, $"total exposure {book.TotalExposure}");
                foreach (var m in Enumerable.Range(0, 5))
                    Assert.True(book.ExposureIn("M" + m) <= Limits.MaxExposurePerMarket, $"market exposure {book.ExposureIn("M" + m)}");
                foreach (var p in book.Positions.Values)
                    Assert.True(p.Contracts.Abs <= Limits.MaxContractsPerMarket);
            }

            foreach (var id in book.Reservations.Keys.ToArray()) book = book.ApplyOrderTerminal(id).Book;
            Assert.Equal(book.ReservedTotal, book.ReleasedTotal);
            Assert.Equal(Money.Zero, book.Reserved);
        });

    [Property(MaxTest = 100)]
    public Property Same_inputs_give_the_same_book() =>
        Prop.ForAll(Ops, ops =>
        {
            static RiskBook Run(RiskOp[] ops)
            {
                var day = new DateOnly(2026, 11, 23);
                var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
                var book = RiskBook.Create(Limits, Money.FromDollars(400), day);
                var n = 0;
                foreach (var op in ops.Where(o => o.Kind == 0 || o.Kind == 5))
                {
                    if (op.Kind == 5) { now = now.AddSeconds(op.Pick); continue; }
                    book = book.Evaluate(new ReservationRequest("e" + n++, "M" + op.Market, op.Side, Price.FromCents(op.Cents), Quantity.FromContracts(op.Contracts)), now, day).Book;
                }
                return book;
            }
            var a = Run(ops);
            var b = Run(ops);
            Assert.Equal(a.Reserved, b.Reserved);
            Assert.Equal(a.Reservations.Values.OrderBy(r => r.ExecutionId, StringComparer.Ordinal), b.Reservations.Values.OrderBy(r => r.ExecutionId, StringComparer.Ordinal));
        });
}
