namespace KalshiArb.Domain.Tests.Fees;

public class FeeScheduleTests
{
    private static readonly FeeSchedule Sports = FeeSchedule.SportsGame;

    [Theory]
    [InlineData(1, "0.50", "0.0200")]
    [InlineData(100, "0.50", "1.7500")]
    [InlineData(100, "0.25", "1.3200")]
    [InlineData(100, "0.01", "0.0700")]
    [InlineData(10, "0.50", "0.1800")]
    [InlineData(100, "0.75", "1.3200")]
    [InlineData(0, "0.50", "0.0000")]
    public void Taker_fee_vectors(long contracts, string price, string fee) =>
        Assert.Equal(Money.Parse(fee), Sports.TakerFee(Quantity.FromContracts(contracts), Price.Parse(price)));

    [Fact]
    public void Maker_fee_vector_on_sports_series() =>
        Assert.Equal(Money.Parse("0.44"), Sports.MakerFee(Quantity.FromContracts(100), Price.Parse("0.50")));

    [Fact]
    public void Plain_quadratic_series_charges_no_maker_fee()
    {
        Assert.Equal(Money.Zero, FeeSchedule.StandardTaker.MakerFee(Quantity.FromContracts(100), Price.Parse("0.50")));
        Assert.Equal(Money.Parse("1.75"), FeeSchedule.StandardTaker.TakerFee(Quantity.FromContracts(100), Price.Parse("0.50")));
    }

    [Theory]
    [InlineData(100, "0.50", "1.7500")]
    [InlineData(1, "0.50", "0.0175")]
    [InlineData(3, "0.33", "0.0465")]   // 0.07·3·0.33·0.67 = 0.046431 → up to 0.0465
    [InlineData(100, "0.01", "0.0693")]
    public void Per_fill_fee_rounds_up_to_ten_thousandth(long contracts, string price, string fee) =>
        Assert.Equal(Money.Parse(fee), Sports.FillFee(FeeRole.Taker, Quantity.FromContracts(contracts), Price.Parse(price)));

    [Fact]
    public void Order_fee_from_fills_settles_whole_cents()
    {
        var a = Sports.FillFee(FeeRole.Taker, Quantity.FromContracts(1), Price.Parse("0.50"));
        var b = Sports.FillFee(FeeRole.Taker, Quantity.FromContracts(1), Price.Parse("0.51"));
        Assert.Equal(new Money(175 + 175), a + b); // 0.017493 → 0.0175
        Assert.Equal(Money.Parse("0.04"), FeeSchedule.OrderFeeFromFills(a + b));
    }

    [Fact]
    public void Multiplier_scales_exactly()
    {
        var half = new FeeSchedule(FeeType.Quadratic, 5000);
        // 0.07 × 0.5 × 100 × 0.25 = 0.875 → 0.88
        Assert.Equal(Money.Parse("0.88"), half.TakerFee(Quantity.FromContracts(100), Price.Parse("0.50")));
        Assert.Equal(Money.Parse("0.8750"), half.FillFee(FeeRole.Taker, Quantity.FromContracts(100), Price.Parse("0.50")));
    }

    [Fact]
    public void Fractional_contracts_are_exact()
    {
        // 0.07 × 0.01 × 0.25 = 0.000175 → fill 0.0002, order 0.01
        Assert.Equal(new Money(2), Sports.FillFee(FeeRole.Taker, new Quantity(1), Price.Parse("0.50")));
        Assert.Equal(Money.Parse("0.01"), Sports.TakerFee(new Quantity(1), Price.Parse("0.50")));
    }

    [Fact]
    public void Huge_order_does_not_overflow() =>
        Assert.Equal(Money.Parse("17500000.00"), Sports.TakerFee(Quantity.FromContracts(1_000_000_000), Price.Parse("0.50")));

    [Fact]
    public void Fee_is_zero_at_price_bounds()
    {
        Assert.Equal(Money.Zero, Sports.TakerFee(Quantity.FromContracts(100), Price.Zero));
        Assert.Equal(Money.Zero, Sports.TakerFee(Quantity.FromContracts(100), Price.One));
    }

    [Fact]
    public void Invalid_inputs_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sports.TakerFee(new Quantity(-1), Price.Parse("0.5")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sports.TakerFee(new Quantity(1), new Price(10001)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeSchedule(FeeType.Quadratic, -1));
    }

    [Theory]
    [InlineData("quadratic", "1", FeeType.Quadratic, 10000)]
    [InlineData("quadratic_with_maker_fees", "1", FeeType.QuadraticWithMakerFees, 10000)]
    [InlineData("quadratic", "0.5", FeeType.Quadratic, 5000)]
    [InlineData("quadratic", "0.0350", FeeType.Quadratic, 350)]
    [InlineData("quadratic", "1.000000", FeeType.Quadratic, 10000)]
    public void Parses_series_fee_fields(string type, string multiplier, FeeType expectedType, int expectedMultiplier)
    {
        Assert.Equal(FeeScheduleError.None, FeeSchedule.TryParse(type, multiplier, out var s));
        Assert.Equal(expectedType, s.Type);
        Assert.Equal(expectedMultiplier, s.MultiplierTenThousandths);
    }

    [Theory]
    [InlineData("flat", "1", FeeScheduleError.UnknownFeeType)]
    [InlineData("Quadratic", "1", FeeScheduleError.UnknownFeeType)]
    [InlineData("", "1", FeeScheduleError.UnknownFeeType)]
    [InlineData("quadratic", "", FeeScheduleError.InvalidMultiplier)]
    [InlineData("quadratic", "-1", FeeScheduleError.InvalidMultiplier)]
    [InlineData("quadratic", "0.00001", FeeScheduleError.InvalidMultiplier)]
    [InlineData("quadratic", "x", FeeScheduleError.InvalidMultiplier)]
    [InlineData("quadratic", "1000", FeeScheduleError.InvalidMultiplier)]
    public void Refuses_bad_series_fee_fields(string type, string multiplier, FeeScheduleError expected) =>
        Assert.Equal(expected, FeeSchedule.TryParse(type, multiplier, out _));

    [Fact]
    public void Fee_type_wire_round_trip()
    {
        foreach (var t in Enum.GetValues<FeeType>())
        {
            Assert.True(FeeTypeWire.TryParse(t.ToWire(), out var back));
            Assert.Equal(t, back);
        }
        Assert.Equal("quadratic_with_maker_fees x1.0000", FeeSchedule.SportsGame.ToString());
    }

    private static Arbitrary<int> Cents => Gen.Choose(1, 99).ToArbitrary();
    private static Arbitrary<int> Hundredths => Gen.Choose(0, 10_000_000).ToArbitrary();

    [Property]
    public Property Fee_is_monotone_in_count() =>
        Prop.ForAll(Cents, Hundredths, Hundredths, (c, a, b) =>
        {
            var p = Price.FromCents(c);
            var (lo, hi) = (Math.Min(a, b), Math.Max(a, b));
            return Sports.TakerFee(new Quantity(lo), p) <= Sports.TakerFee(new Quantity(hi), p)
                   && Sports.FillFee(FeeRole.Maker, new Quantity(lo), p) <= Sports.FillFee(FeeRole.Maker, new Quantity(hi), p);
        });

    [Property]
    public Property Fee_is_symmetric_in_price_and_complement() =>
        Prop.ForAll(Gen.Choose(0, Price.TicksPerDollar).ToArbitrary(), Hundredths, (t, h) =>
        {
            var p = new Price(t);
            var q = new Quantity(h);
            return Sports.TakerFee(q, p) == Sports.TakerFee(q, p.Complement)
                   && Sports.MakerFee(q, p) == Sports.MakerFee(q, p.Complement);
        });

    [Property]
    public Property Fee_is_never_negative_and_maker_never_exceeds_taker() =>
        Prop.ForAll(Gen.Choose(0, Price.TicksPerDollar).ToArbitrary(), Hundredths, (t, h) =>
        {
            var p = new Price(t);
            var q = new Quantity(h);
            var taker = Sports.TakerFee(q, p);
            var maker = Sports.MakerFee(q, p);
            var takerFill = Sports.FillFee(FeeRole.Taker, q, p);
            return maker >= Money.Zero && maker <= taker && takerFill <= taker && takerFill >= Money.Zero;
        });

    [Property]
    public Property Order_fee_is_the_smallest_cent_amount_covering_exact_fee() =>
        Prop.ForAll(Gen.Choose(1, 9999).ToArbitrary(), Gen.Choose(1, 100_000).ToArbitrary(), (t, h) =>
        {
            // exact fee in 1e-18 $: compare with an independent decimal computation
            var exact = 0.07m * (h / 100m) * (t / 10000m) * (1m - t / 10000m);
            var fee = Sports.TakerFee(new Quantity(h), new Price(t)).Units / 10000m;
            return fee >= exact && fee - exact < 0.01m;
        });
}
