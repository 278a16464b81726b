namespace KalshiArb.Domain.Tests.Primitives;

public class MoneyTests
{
    [Theory]
    [InlineData("12.3400", 123400)]
    [InlineData("-0.50", -5000)]
    [InlineData("0.000100", 1)]
    [InlineData("1000", 10000000)]
    public void Parses_amounts(string text, long units)
    {
        Assert.Equal(WireParseError.None, Money.TryParse(text, out var m));
        Assert.Equal(units, m.Units);
    }

    [Theory]
    [InlineData("", WireParseError.Empty)]
    [InlineData("$1", WireParseError.NotANumber)]
    [InlineData("0.00001", WireParseError.SubTickPrecision)]
    [InlineData("0.0000001", WireParseError.TooManyDecimals)]
    public void Refuses_bad_amounts(string text, WireParseError expected) =>
        Assert.Equal(expected, Money.TryParse(text, out _));

    [Theory]
    [InlineData(123400, "12.3400")]
    [InlineData(-5000, "-0.5000")]
    [InlineData(long.MinValue, "-922337203685477.5808")]
    public void Formats_four_decimals(long units, string wire) => Assert.Equal(wire, new Money(units).ToWire());

    [Theory]
    [InlineData(5200, 100, 5200)]      // 1 contract at 0.52 = $0.52
    [InlineData(5000, 10000, 500000)]  // 100 at 0.50 = $50
    [InlineData(5001, 1, 51)]          // 0.01 contract at 0.5001 = $0.005001 → up to $0.0051
    public void Notional_is_exact_and_rounds_cost_up(int ticks, long hundredths, long units) =>
        Assert.Equal(units, Money.Notional(new Price(ticks), new Quantity(hundredths)).Units);

    [Theory]
    [InlineData(17500, 17500)]
    [InlineData(17501, 17600)]
    [InlineData(1, 100)]
    [InlineData(0, 0)]
    [InlineData(-150, -100)]
    public void Ceil_to_cent(long units, long expected) => Assert.Equal(expected, new Money(units).CeilToCent().Units);

    [Fact]
    public void Constructors_and_operators()
    {
        Assert.Equal(new Money(200), Money.FromCents(175) - Money.FromCents(173));
        Assert.Equal(new Money(17500), Money.FromCents(175));
        Assert.Equal(new Money(10000), Money.FromDollars(1));
        Assert.Equal(new Money(-3), -new Money(3));
        Assert.True(new Money(-1).IsNegative);
        Assert.Equal(new Money(2), Money.Max(new Money(1), new Money(2)));
        Assert.Equal(new Money(1), Money.Min(new Money(1), new Money(2)));
    }

    [Property]
    public Property Round_trip_is_exact() =>
        Prop.ForAll(Gen.Choose(int.MinValue, int.MaxValue).Select(x => (long)x * 4099).ToArbitrary(), u =>
        {
            var m = new Money(u);
            return Money.TryParse(m.ToWire(), out var back) == WireParseError.None && back == m;
        });

    [Property]
    public Property Ceil_to_cent_is_smallest_cent_multiple_at_or_above() =>
        Prop.ForAll(Gen.Choose(-1_000_000, 1_000_000).ToArbitrary(), u =>
        {
            var c = new Money(u).CeilToCent().Units;
            return c % 100 == 0 && c >= u && c - u < 100;
        });
}
