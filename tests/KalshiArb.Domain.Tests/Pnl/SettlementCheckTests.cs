using KalshiArb.Domain.Pnl;

namespace KalshiArb.Domain.Tests.Pnl;

public class SettlementCheckTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

    private static PnlFill Fill(string ticker, OutcomeSide side, int contracts) =>
        new(ticker, "", side, Price.Parse("0.4000"), Quantity.FromContracts(contracts), Money.Zero, T0);

    [Fact]
    public void Asks_about_every_unsettled_market_the_book_holds_including_flat_ones_and_not_settled_ones()
    {
        var ledger = new PnlLedger();
        ledger.Apply(Fill("KXNBAGAME-26DEC08LALBOS-LAL", OutcomeSide.Yes, 3));
        // bought and sold back: flat, but its orders still wait for their payout
        ledger.Apply(Fill("KXNBAGAME-26DEC08LALBOS-BOS", OutcomeSide.Yes, 2));
        ledger.Apply(Fill("KXNBAGAME-26DEC08LALBOS-BOS", OutcomeSide.No, 2));
        ledger.Apply(Fill("KXNFLGAME-26DEC07PHITEN-PHI", OutcomeSide.No, 1));
        Assert.Equal(PnlError.None, ledger.Apply(new PnlSettlement("KXNFLGAME-26DEC07PHITEN-PHI", Price.One, T0.AddHours(3))));

        Assert.Equal(["KXNBAGAME-26DEC08LALBOS-BOS", "KXNBAGAME-26DEC08LALBOS-LAL"], SettlementCheck.TickersToCheck(ledger.Positions));
    }

    [Fact]
    public void An_empty_book_asks_nothing() => Assert.Empty(SettlementCheck.TickersToCheck([]));

    [Property(MaxTest = 200)]
    public Property The_markets_asked_are_exactly_the_unsettled_ones_sorted_once_each()
    {
        var position = from t in Gen.Choose(0, 5)
            from settled in ArbMap.Default.GeneratorFor<bool>()
            select new PnlPosition($"M{t}", "", Quantity.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, settled);
        return Prop.ForAll(position.ListOf().ToArbitrary(), positions =>
        {
            var asked = SettlementCheck.TickersToCheck(positions);
            var expected = positions.Where(p => !p.Settled).Select(p => p.Ticker).ToHashSet(StringComparer.Ordinal);
            return asked.ToHashSet(StringComparer.Ordinal).SetEquals(expected)
                   && asked.Count == expected.Count
                   && asked.SequenceEqual(asked.Order(StringComparer.Ordinal));
        });
    }
}
