using KalshiArb.Domain.Pnl;

namespace KalshiArb.Domain.Tests.Pnl;

/// <summary>Worked examples of Kalshi's accounting, figures done by hand.</summary>
public class PnlLedgerTests
{
    private const string Lal = "KXNBAGAME-26NOV24LALBOS-LAL";
    private const string Bos = "KXNBAGAME-26NOV24LALBOS-BOS";
    private const string Game = "KXNBAGAME-26NOV24LALBOS";
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, PnlMark> NoMarks = new();

    internal static PnlFill Fill(string ticker, OutcomeSide side, string price, int count, string fee, int minute = 0) =>
        new(ticker, "", side, Price.Parse(price), Quantity.FromContracts(count), Money.Parse(fee), T0.AddMinutes(minute));

    [Fact]
    public void A_winning_yes_position_settles_at_one_dollar_less_cost_and_fees()
    {
        var ledger = new PnlLedger();
        // taker fee 0.07 × 10 × 0.40 × 0.60 = 0.168 → $0.17
        Assert.Equal(PnlError.None, ledger.Apply(Fill(Lal, OutcomeSide.Yes, "0.40", 10, "0.17")));
        Assert.Equal(Money.Parse("-0.17"), ledger.Realized);
        Assert.Equal(PnlError.None, ledger.Apply(new PnlSettlement(Lal, Price.One, T0.AddHours(3))));

        var p = ledger.Position(Lal)!;
        Assert.Equal(Quantity.Zero, p.Contracts);
        Assert.Equal(Money.Parse("6.00"), p.RealizedBeforeFees);
        Assert.Equal(Money.Parse("5.83"), p.Realized);
        Assert.Equal(Money.Parse("5.83"), ledger.CashFlow);
        Assert.Equal([Money.Parse("-0.17"), Money.Parse("5.83")], ledger.History.Select(h => h.Realized));
    }

    [Fact]
    public void Buying_no_against_held_yes_closes_pairs_worth_a_dollar()
    {
        var ledger = new PnlLedger();
        ledger.Apply(Fill(Lal, OutcomeSide.Yes, "0.40", 10, "0.17"));
        ledger.Apply(Fill(Lal, OutcomeSide.No, "0.55", 4, "0.07", 1));

        // 4 pairs pay $4.00; the NO cost $2.20; 4/10 of the $4.00 basis ($1.60) leaves: +$0.20 before fees.
        var p = ledger.Position(Lal)!;
        Assert.Equal(Quantity.FromContracts(6), p.Contracts);
        Assert.Equal(Money.Parse("2.40"), p.CostBasis);
        Assert.Equal(Money.Parse("0.20"), p.RealizedBeforeFees);
        Assert.Equal(Money.Parse("-0.04"), p.Realized);
        Assert.Equal(Money.Parse("0.24"), p.Fees);

        var line = ledger.Markets(new Dictionary<string, PnlMark> { [Lal] = new(Price.Parse("0.50"), Price.Parse("0.45")) }).Single();
        Assert.Equal(Money.Parse("0.60"), line.UnrealizedAtMid);   // 6 × 0.50 − 2.40
        Assert.Equal(Money.Parse("0.30"), line.UnrealizedAtFair);  // 6 × 0.45 − 2.40
    }

    [Fact]
    public void A_fill_larger_than_the_held_side_flips_the_position_and_the_rest_is_new_basis()
    {
        var ledger = new PnlLedger();
        ledger.Apply(Fill(Lal, OutcomeSide.Yes, "0.30", 5, "0"));
        ledger.Apply(Fill(Lal, OutcomeSide.No, "0.60", 8, "0", 1));

        var p = ledger.Position(Lal)!;
        Assert.Equal(Quantity.FromContracts(-3), p.Contracts);
        Assert.Equal(Money.Parse("1.80"), p.CostBasis);          // 3 NO at 0.60
        Assert.Equal(Money.Parse("0.50"), p.RealizedBeforeFees); // 5 − 3.00 − 1.50

        ledger.Apply(new PnlSettlement(Lal, Price.Zero, T0.AddHours(3)));  // NO wins: 3 × $1
        Assert.Equal(Money.Parse("1.70"), ledger.Position(Lal)!.RealizedBeforeFees);
        Assert.Equal(Money.Parse("1.70"), ledger.CashFlow);
    }

    [Fact]
    public void A_scalar_settlement_pays_no_contracts_the_complement()
    {
        var ledger = new PnlLedger();
        ledger.Apply(Fill(Lal, OutcomeSide.No, "0.45", 10, "0.18"));
        ledger.Apply(new PnlSettlement(Lal, Price.Parse("0.30"), T0.AddHours(3)));
        Assert.Equal(Money.Parse("2.32"), ledger.Position(Lal)!.Realized);  // 7.00 − 4.50 − 0.18
    }

    [Fact]
    public void Games_sum_their_markets_and_a_missing_mark_makes_the_unrealized_unknown()
    {
        var ledger = new PnlLedger();
        ledger.Apply(Fill(Lal, OutcomeSide.Yes, "0.40", 10, "0.17"));
        ledger.Apply(Fill(Bos, OutcomeSide.Yes, "0.55", 2, "0.04", 1));
        ledger.Apply(Fill("KXNFLGAME-26SEP20PHITEN-PHI", OutcomeSide.No, "0.50", 1, "0.02", 2));
        var marks = new Dictionary<string, PnlMark> { [Lal] = new(Price.Parse("0.42"), null), [Bos] = new(Price.Parse("0.57"), Price.Parse("0.60")) };

        var game = ledger.Games(marks).Single(g => g.Key == Game);
        Assert.Equal(Money.Parse("-0.21"), game.Realized);
        Assert.Equal(Money.Parse("0.21"), game.Fees);
        Assert.Equal(Money.Parse("0.24"), game.UnrealizedAtMid);  // 10 × 0.02 + 2 × 0.02
        Assert.Null(game.UnrealizedAtFair);                        // LAL has no fair value

        var total = ledger.Total(marks);
        Assert.Equal(Money.Parse("-0.23"), total.Realized);
        Assert.Null(total.UnrealizedAtMid);                        // the NFL market has no mark at all
        Assert.Equal(2, ledger.Games(NoMarks).Count);
    }

    [Fact]
    public void A_settled_market_needs_no_mark_and_refuses_a_second_settlement_and_later_fills()
    {
        var ledger = new PnlLedger();
        ledger.Apply(Fill(Lal, OutcomeSide.Yes, "0.40", 10, "0.17"));
        ledger.Apply(new PnlSettlement(Lal, Price.Zero, T0.AddHours(3)));
        Assert.Equal(PnlError.AlreadySettled, ledger.Apply(new PnlSettlement(Lal, Price.One, T0.AddHours(4))));
        Assert.Equal(PnlError.FillAfterSettlement, ledger.Apply(Fill(Lal, OutcomeSide.Yes, "0.40", 1, "0.01", 300)));

        var total = ledger.Total(NoMarks);
        Assert.Equal(Money.Parse("-4.17"), total.Realized);
        Assert.Equal(Money.Zero, total.UnrealizedAtMid);
        Assert.Equal(2, ledger.History.Count);
    }

    [Theory]
    [InlineData("", 5000, 100, 0, PnlError.MissingTicker)]
    [InlineData(Lal, 10001, 100, 0, PnlError.InvalidPrice)]
    [InlineData(Lal, 5000, 0, 0, PnlError.InvalidCount)]
    [InlineData(Lal, 5000, -100, 0, PnlError.InvalidCount)]
    [InlineData(Lal, 5000, 100, -100, PnlError.NegativeFee)]
    public void Bad_fills_are_refused_with_a_reason_and_change_nothing(string ticker, int ticks, long hundredths, long feeUnits, PnlError expected)
    {
        var ledger = new PnlLedger();
        var fill = new PnlFill(ticker, "", OutcomeSide.Yes, new Price(ticks), new Quantity(hundredths), new Money(feeUnits), T0);
        Assert.Equal(expected, ledger.Apply(fill));
        Assert.Empty(ledger.Positions);
        Assert.Empty(ledger.History);
    }

    [Fact]
    public void Replay_orders_events_by_time()
    {
        var settle = new PnlSettlement(Lal, Price.One, T0.AddHours(3));
        var ledger = PnlLedger.Replay([settle, Fill(Lal, OutcomeSide.Yes, "0.40", 10, "0.17")], out var refused);
        Assert.Equal(0, refused);
        Assert.Equal(Money.Parse("5.83"), ledger.Realized);
    }
}

public class OrderSettlementTests
{
    [Theory]
    [InlineData(OutcomeSide.Yes, 10000, OutcomeSide.Yes, "5.0000")]
    [InlineData(OutcomeSide.No, 10000, OutcomeSide.Yes, "0.0000")]
    [InlineData(OutcomeSide.No, 0, OutcomeSide.No, "5.0000")]
    [InlineData(OutcomeSide.No, 3000, null, "3.5000")]
    [InlineData(OutcomeSide.Yes, 3000, null, "1.5000")]
    public void An_orders_settlement_carries_the_market_value_both_ways(OutcomeSide side, int yesTicks, OutcomeSide? winner, string payout)
    {
        var filled = Quantity.FromContracts(5);
        var settled = OrderSettlement.For(side, filled, new Price(yesTicks));
        Assert.Equal(winner, settled.Winner);
        Assert.Equal(Money.Parse(payout), settled.Payout);
        Assert.Equal(new Price(yesTicks), OrderSettlement.YesValueOf(side, filled, settled));
        var order = ExecutionOrderMachine.Replay([
            new OrderCreated("e1", "T-A", side, Price.FromCents(50), filled, "s"), new RiskApproved(null), new SubmitRequested(),
            new Acknowledged("x1"), new FillApplied("t1", filled, Price.FromCents(50), Money.Zero, true), settled], out var errors);
        Assert.Equal(0, errors);
        Assert.Equal(ExecutionOrderState.Settled, order!.State);
    }
}

public class PnlLedgerUntradedSettlementTests
{
    [Fact]
    public void A_market_settled_before_we_traded_it_has_no_line_and_refuses_later_fills()
    {
        var ledger = new PnlLedger();
        Assert.Equal(PnlError.None, ledger.Apply(new PnlSettlement("G-A", Price.One, DateTimeOffset.UnixEpoch)));
        Assert.Equal(PnlError.AlreadySettled, ledger.Apply(new PnlSettlement("G-A", Price.One, DateTimeOffset.UnixEpoch)));
        Assert.Empty(ledger.Positions);
        Assert.Empty(ledger.History);
        Assert.Equal(PnlError.FillAfterSettlement, ledger.Apply(PnlLedgerTests.Fill("G-A", OutcomeSide.Yes, "0.50", 1, "0.02")));
    }
}
