namespace KalshiArb.Domain.Tests.Primitives;

public class PriceTests
{
    [Theory]
    [InlineData("0.5200", 5200)]
    [InlineData("0.520000", 5200)]
    [InlineData("0.52", 5200)]
    [InlineData("0.5", 5000)]
    [InlineData("0.0001", 1)]
    [InlineData("1", 10000)]
    [InlineData("1.0000", 10000)]
    [InlineData("0", 0)]
    [InlineData("0.99", 9900)]
    [InlineData(".25", 2500)]
    public void Parses_exact_wire_prices(string text, int ticks)
    {
        Assert.Equal(WireParseError.None, Price.TryParse(text, out var p));
        Assert.Equal(ticks, p.Ticks);
    }

    [Theory]
    [InlineData("", WireParseError.Empty)]
    [InlineData("abc", WireParseError.NotANumber)]
    [InlineData(".", WireParseError.NotANumber)]
    [InlineData("-", WireParseError.NotANumber)]
    [InlineData("0.5a", WireParseError.NotANumber)]
    [InlineData(" 0.5", WireParseError.NotANumber)]
    [InlineData("0..5", WireParseError.NotANumber)]
    [InlineData("1e-2", WireParseError.NotANumber)]
    [InlineData("-0.1", WireParseError.Negative)]
    [InlineData("1.5", WireParseError.OutOfRange)]
    [InlineData("1.0001", WireParseError.OutOfRange)]
    [InlineData("99999999999999", WireParseError.OutOfRange)]
    [InlineData("0.5200001", WireParseError.TooManyDecimals)]
    [InlineData("0.520010", WireParseError.SubTickPrecision)]
    [InlineData("0.00005", WireParseError.SubTickPrecision)]
    public void Refuses_malformed_prices_with_reason(string text, WireParseError expected)
    {
        Assert.Equal(expected, Price.TryParse(text, out var p));
        Assert.Equal(Price.Zero, p);
    }

    [Theory]
    [InlineData(5200, "0.5200")]
    [InlineData(1, "0.0001")]
    [InlineData(10000, "1.0000")]
    [InlineData(0, "0.0000")]
    public void Formats_four_decimals(int ticks, string wire) => Assert.Equal(wire, new Price(ticks).ToWire());

    [Fact]
    public void Parse_throws_format_exception_with_reason()
    {
        var ex = Assert.Throws<FormatException>(() => Price.Parse("1.5"));
        Assert.Contains("OutOfRange", ex.Message);
    }

    [Fact]
    public void Complement_and_validity()
    {
        Assert.Equal(new Price(4800), new Price(5200).Complement);
        Assert.True(Price.One.IsValid);
        Assert.False(new Price(10001).IsValid);
        Assert.False(new Price(-1).IsValid);
        Assert.Equal(new Price(300), Price.FromCents(3));
    }

    [Property]
    public Property Wire_round_trip_is_exact() =>
        Prop.ForAll(Gen.Choose(0, Price.TicksPerDollar).ToArbitrary(), ticks =>
        {
            var p = new Price(ticks);
            var err = Price.TryParse(p.ToWire(), out var back);
            return err == WireParseError.None && back == p;
        });

    [Property]
    public Property Six_decimal_response_form_parses_to_same_price() =>
        Prop.ForAll(Gen.Choose(0, Price.TicksPerDollar).ToArbitrary(), ticks =>
        {
            var p = new Price(ticks);
            return Price.TryParse(p.ToWire() + "00", out var back) == WireParseError.None && back == p;
        });

    [Property]
    public Property Nonzero_fifth_or_sixth_decimal_is_refused() =>
        Prop.ForAll(Gen.Choose(0, Price.TicksPerDollar - 1).ToArbitrary(), Gen.Choose(1, 99).ToArbitrary(), (ticks, extra) =>
        {
            var text = new Price(ticks).ToWire() + extra.ToString("00");
            return Price.TryParse(text, out _) == WireParseError.SubTickPrecision;
        });
}
