using KalshiArb.Domain.Pnl;

namespace KalshiArb.Domain.Tests.Pnl;

/// <summary>One random fill: market 0..3 over two games, whole contracts (Kalshi's sports markets trade no fractions).</summary>
public sealed record PnlFillOp(int Market, OutcomeSide Side, int Cents, int Contracts, int FeeCents);

public class PnlLedgerPropertyTests
{
    private static readonly string[] Tickers = ["G0-A", "G0-B", "G1-A", "G1-B"];
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private static readonly Gen<PnlFillOp> FillGen =
        from market in Gen.Choose(0, Tickers.Length - 1)
        from side in Gen.Elements(OutcomeSide.Yes, OutcomeSide.No)
        from cents in Gen.Choose(1, 99)
        from contracts in Gen.Choose(1, 50)
        from fee in Gen.Choose(0, 200)
        select new PnlFillOp(market, side, cents, contracts, fee);

    private static readonly Arbitrary<(PnlFillOp[] Fills, int[] YesTicks)> Runs = Arb.From(
        from fills in Gen.ArrayOf(FillGen)
        from ticks in Gen.ArrayOf(Gen.OneOf(Gen.Constant(0), Gen.Constant(Price.TicksPerDollar), Gen.Choose(0, Price.TicksPerDollar)), Tickers.Length)
        select (fills, ticks));

    private static PnlLedger Play(PnlFillOp[] ops)
    {
        var ledger = new PnlLedger();
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            var error = ledger.Apply(new PnlFill(Tickers[op.Market], "", op.Side, Price.FromCents(op.Cents), Quantity.FromContracts(op.Contracts),
                Money.FromCents(op.FeeCents), T0.AddSeconds(i)));
            Assert.Equal(PnlError.None, error);
        }
        return ledger;
    }

    /// <summary>Realized plus unrealized at the settlement value is what settling pays: the cash that moved, nothing invented or lost.</summary>
    [Property(MaxTest = 300)]
    public Property Realized_plus_unrealized_at_the_settlement_value_equals_the_total_cash_flow() =>
        Prop.ForAll(Runs, run =>
        {
            var ledger = Play(run.Fills);
            var marks = Tickers.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => new PnlMark(new Price(run.YesTicks[x.i]), new Price(run.YesTicks[x.i])));
            var before = ledger.Total(marks);
            var openValue = ledger.Positions.Aggregate(Money.Zero, (sum, p) => sum + p.UnrealizedAt(marks[p.Ticker].Mid!.Value) + p.CostBasis);
            Assert.Equal(ledger.CashFlow + openValue, before.Realized + before.UnrealizedAtMid!.Value);

            for (var i = 0; i < Tickers.Length; i++)
                Assert.Equal(PnlError.None, ledger.Apply(new PnlSettlement(Tickers[i], new Price(run.YesTicks[i]), T0.AddDays(1))));
            var after = ledger.Total(marks);
            Assert.Equal(before.Realized + before.UnrealizedAtMid!.Value, after.Realized);
            Assert.Equal(ledger.CashFlow, after.Realized);
            Assert.Equal(Money.Zero, after.UnrealizedAtFair);
            Assert.All(ledger.Positions, p => Assert.Equal(Quantity.Zero, p.Contracts));
        });

    [Property(MaxTest = 300)]
    public Property Fees_total_the_fills_fees_and_games_and_markets_sum_to_the_total() =>
        Prop.ForAll(Runs, run =>
        {
            var ledger = Play(run.Fills);
            var noMarks = new Dictionary<string, PnlMark>();
            var total = ledger.Total(noMarks);
            Assert.Equal(Money.FromCents(run.Fills.Sum(f => (long)f.FeeCents)), total.Fees);
            Assert.Equal(total.Fees, ledger.Fees);
            foreach (var lines in new[] { ledger.Markets(noMarks), ledger.Games(noMarks) })
            {
                Assert.Equal(total.Realized, lines.Aggregate(Money.Zero, (s, l) => s + l.Realized));
                Assert.Equal(total.Fees, lines.Aggregate(Money.Zero, (s, l) => s + l.Fees));
                Assert.Equal(total.CostBasis, lines.Aggregate(Money.Zero, (s, l) => s + l.CostBasis));
            }
            Assert.Equal(run.Fills.Length, ledger.History.Count);
            Assert.Equal(total.Realized, ledger.History.Count == 0 ? Money.Zero : ledger.History[^1].Realized);
        });

    /// <summary>YES and NO net: the position is YES bought minus NO bought, and the open basis is never negative nor above $1 a contract.</summary>
    [Property(MaxTest = 300)]
    public Property Positions_net_yes_against_no_and_keep_a_sane_basis() =>
        Prop.ForAll(Runs, run =>
        {
            var ledger = new PnlLedger();
            for (var i = 0; i < run.Fills.Length; i++)
            {
                var op = run.Fills[i];
                ledger.Apply(new PnlFill(Tickers[op.Market], "", op.Side, Price.FromCents(op.Cents), Quantity.FromContracts(op.Contracts), Money.Zero, T0));
                foreach (var p in ledger.Positions)
                {
                    Assert.True(p.CostBasis >= Money.Zero, $"{p.Ticker} basis {p.CostBasis}");
                    Assert.True(p.CostBasis <= Money.Notional(Price.One, p.Contracts.Abs), $"{p.Ticker} basis {p.CostBasis} for {p.Contracts}");
                    Assert.Equal(p.Contracts.IsZero, p.CostBasis == Money.Zero);  // prices are 1..99 cents: only a flat market costs nothing
                }
            }
            for (var m = 0; m < Tickers.Length; m++)
            {
                var net = run.Fills.Where(f => f.Market == m).Sum(f => (f.Side == OutcomeSide.Yes ? 1L : -1L) * f.Contracts);
                Assert.Equal(Quantity.FromContracts(net), ledger.Position(Tickers[m])?.Contracts ?? Quantity.Zero);
                if (ledger.Position(Tickers[m]) is { Contracts.IsZero: true } flat) Assert.Equal(Money.Zero, flat.CostBasis);
            }
        });
}
