namespace KalshiArb.Domain.Tests.Risk;

/// <summary>One random gate input. Kind: 0 reserve, 1 fill an in-flight order, 2 terminal, 3 settle, 4 kill switch, 5 time passes.</summary>
public sealed record RiskOp(int Kind, int Market, OutcomeSide Side, int Cents, int Contracts, int Pick, int FillPercent);

public class RiskBookPropertyTests
{
    private static readonly Arbitrary<RiskOp[]> Ops = Arb.From(Gen.ArrayOf(RiskOpRunner.Ops(markets: 5, reserveWeight: 5)));

    private static readonly RiskLimits Limits = RiskBookTests.Limits with { MaxOrdersPerMinute = 20, MaxOpenMarkets = 4 };

    [Property(MaxTest = 300)]
    public Property Reservations_are_conserved_and_exposure_stays_within_limits() =>
        Prop.ForAll(Ops, ops =>
        {
            var run = new RiskOpRunner(Limits, m => "M" + m, newDays: true);
            foreach (var op in ops)
            {
                run.Apply(op);
                var book = run.Book;
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

            var end = run.Book;
            foreach (var id in end.Reservations.Keys.ToArray()) end = end.ApplyOrderTerminal(id).Book;
            Assert.Equal(end.ReservedTotal, end.ReleasedTotal);
            Assert.Equal(Money.Zero, end.Reserved);
        });

    /// <summary>The book keeps its exposure indexes as it changes; they must always equal a sum over everything it holds.</summary>
    [Property(MaxTest = 300)]
    public Property The_kept_exposure_indexes_always_equal_a_full_recount() =>
        Prop.ForAll(Ops, ops =>
        {
            // Market names over two games (GameKey: everything before the last '-').
            var run = new RiskOpRunner(Limits with { MaxOpenMarkets = 10 }, m => $"G{m % 2}-M{m}", newDays: true);
            var tickers = Enumerable.Range(0, 5).Select(m => $"G{m % 2}-M{m}").ToArray();
            foreach (var op in ops)
            {
                run.Apply(op);
                var b = run.Book;
                Money Recount(Func<string, bool> include) =>
                    b.Positions.Values.Where(p => include(p.Ticker)).Aggregate(Money.Zero, (s, p) => s + p.CostBasis)
                    + b.Reservations.Values.Where(r => !r.IsReducing && include(r.Ticker)).Aggregate(Money.Zero, (s, r) => s + r.Unreleased);
                foreach (var t in tickers)
                {
                    Assert.Equal(Recount(x => x == t), b.ExposureIn(t));
                    Assert.Equal(b.Reservations.Values.FirstOrDefault(r => r.Ticker == t)?.ExecutionId, b.InFlight(t)?.ExecutionId);
                }
                foreach (var g in new[] { "G0", "G1" }) Assert.Equal(Recount(x => GameKey.Of(x) == g), b.ExposureInGame(g));
                Assert.Equal(Recount(_ => true), b.TotalExposure);
                Assert.Equal(b.Reservations.Values.Aggregate(Money.Zero, (s, r) => s + r.Unreleased), b.Reserved);
                Assert.Equal(b.Positions.Keys.Union(b.Reservations.Values.Select(r => r.Ticker)).Count(), b.OpenMarkets);
                Assert.Equal(b.RecentApprovals.Count(), b.RecentApprovalCount);
            }
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
