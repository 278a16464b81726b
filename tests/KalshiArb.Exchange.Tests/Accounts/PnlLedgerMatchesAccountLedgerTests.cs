using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Pnl;

namespace KalshiArb.Exchange.Tests.Accounts;

/// <summary>
/// Our P&amp;L ledger must book exactly what the simulated exchange books (its account is what /portfolio/positions reports):
/// same net position, cost basis (market_exposure), realized P&amp;L before fees and fees, and the same cash moved.
/// </summary>
public sealed class PnlLedgerMatchesAccountLedgerTests
{
    private static readonly string[] Tickers = ["G0-A", "G0-B", "G1-A"];

    /// <summary>Kind 0..7 fill, 8 settle the market at YesTicks. Hundredths allow fractional counts (Kalshi's count_fp).</summary>
    public sealed record Op(int Kind, int Market, OutcomeSide Side, int Ticks, int Hundredths, int FeeUnits, int YesTicks);

    private static readonly Arbitrary<Op[]> Ops = Arb.From(Gen.ArrayOf(
        from kind in Gen.Choose(0, 8)
        from market in Gen.Choose(0, Tickers.Length - 1)
        from side in Gen.Elements(OutcomeSide.Yes, OutcomeSide.No)
        from ticks in Gen.Choose(1, 9_999)
        from hundredths in Gen.OneOf(Gen.Choose(1, 40).Select(c => c * 100), Gen.Choose(1, 4_000))
        from fee in Gen.Choose(0, 5_000)
        from yes in Gen.OneOf(Gen.Constant(0), Gen.Constant(Price.TicksPerDollar), Gen.Choose(0, Price.TicksPerDollar))
        select new Op(kind, market, side, ticks, hundredths, fee, yes)));

    [Property(MaxTest = 300)]
    public Property Every_market_matches_the_simulators_account_to_the_unit() =>
        Prop.ForAll(Ops, ops =>
        {
            var start = Money.FromDollars(1_000_000);
            var sim = new AccountLedger("a", start, synthetic: false);
            var ours = new PnlLedger();
            var settled = new HashSet<string>();
            var traded = new SortedSet<string>(StringComparer.Ordinal);
            var at = DateTimeOffset.UnixEpoch;
            foreach (var op in ops)
            {
                var ticker = Tickers[op.Market];
                at = at.AddSeconds(1);
                if (op.Kind == 8)
                {
                    sim.Settle(ticker, new Price(op.YesTicks), at.ToUnixTimeMilliseconds());
                    var error = ours.Apply(new PnlSettlement(ticker, new Price(op.YesTicks), at));
                    Assert.Equal(settled.Add(ticker) ? PnlError.None : PnlError.AlreadySettled, error);
                    continue;
                }
                if (settled.Contains(ticker)) continue;  // Kalshi trades nothing after settlement
                sim.ApplyFill(ticker, op.Side, new Price(op.Ticks), new Quantity(op.Hundredths), new Money(op.FeeUnits), null, at.ToUnixTimeMilliseconds());
                traded.Add(ticker);
                Assert.Equal(PnlError.None, ours.Apply(new PnlFill(ticker, "", op.Side, new Price(op.Ticks), new Quantity(op.Hundredths), new Money(op.FeeUnits), at)));
            }

            foreach (var s in sim.Positions())
            {
                var p = ours.Position(s.Ticker)!;
                Assert.Equal(s.Position, p.Contracts);
                Assert.Equal(s.CostBasis, p.CostBasis);
                Assert.Equal(s.RealizedPnl, p.RealizedBeforeFees);
                Assert.Equal(s.FeesPaid, p.Fees);
            }
            Assert.Equal(traded, sim.Positions().Select(s => s.Ticker));
            Assert.Equal(sim.Cash - start, ours.CashFlow);
        });
}
