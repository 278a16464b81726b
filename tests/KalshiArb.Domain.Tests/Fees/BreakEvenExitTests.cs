namespace KalshiArb.Domain.Tests.Fees;

public class BreakEvenExitTests
{
    private static readonly FeeSchedule Sports = FeeSchedule.SportsGame;

    [Fact]
    public void Hundred_at_fifty_with_taker_fee_breaks_even_at_fifty_four()
    {
        // cost 50.00 + 1.75 = 51.75; at 0.53: 53.00 − 1.75 = 51.25 (short); at 0.54: 54.00 − 1.74 = 52.26
        var be = BreakEvenExit.LowestExitPrice(Price.Parse("0.50"), Quantity.FromContracts(100), Money.Parse("1.75"), Sports);
        Assert.Equal(Price.Parse("0.54"), be);
    }

    [Fact]
    public void Exact_cover_counts_as_break_even()
    {
        // cost exactly equal to net proceeds at 0.54 for 100 contracts: 54.00 − 1.74 = 52.26
        var be = BreakEvenExit.LowestExitPrice(Quantity.FromContracts(100), Money.Parse("52.26"), Sports);
        Assert.Equal(Price.Parse("0.54"), be);
        Assert.Equal(Price.Parse("0.55"), BreakEvenExit.LowestExitPrice(Quantity.FromContracts(100), Money.Parse("52.2601"), Sports));
    }

    [Fact]
    public void Entry_at_ninety_eight_cannot_break_even()
    {
        // cost 98 + 0.14 = 98.14; at 0.99 proceeds 99 − 0.07 = 98.93 covers → possible
        Assert.Equal(Price.Parse("0.99"),
            BreakEvenExit.LowestExitPrice(Price.Parse("0.98"), Quantity.FromContracts(100), Money.Parse("0.14"), Sports));
        // 1 contract at 0.98 + fee 0.01 = 0.99; at 0.99 proceeds 0.99 − 0.01 = 0.98: impossible
        Assert.Null(BreakEvenExit.LowestExitPrice(Price.Parse("0.98"), Quantity.FromContracts(1), Money.Parse("0.01"), Sports));
    }

    [Fact]
    public void Zero_count_has_no_exit() =>
        Assert.Null(BreakEvenExit.LowestExitPrice(Quantity.Zero, Money.Zero, Sports));

    [Fact]
    public void Net_proceeds_subtract_taker_fee() =>
        Assert.Equal(Money.Parse("48.25"), BreakEvenExit.NetProceeds(Price.Parse("0.50"), Quantity.FromContracts(100), Sports));

    [Property]
    public Property Result_covers_cost_and_one_cent_lower_does_not() =>
        Prop.ForAll(Gen.Choose(1, 99).ToArbitrary(), Gen.Choose(1, 100_000).ToArbitrary(), (cents, h) =>
        {
            var entry = Price.FromCents(cents);
            var count = new Quantity(h);
            var fee = Sports.TakerFee(count, entry);
            var cost = Money.Notional(entry, count) + fee;
            var be = BreakEvenExit.LowestExitPrice(entry, count, fee, Sports);
            if (be is not { } x)
                return Enumerable.Range(1, 99).All(c => BreakEvenExit.NetProceeds(Price.FromCents(c), count, Sports) < cost);
            var coversHere = BreakEvenExit.NetProceeds(x, count, Sports) >= cost;
            var noneBelow = Enumerable.Range(1, x.Ticks / 100 - 1).All(c => BreakEvenExit.NetProceeds(Price.FromCents(c), count, Sports) < cost);
            return coversHere && noneBelow && x > entry;
        });
}
