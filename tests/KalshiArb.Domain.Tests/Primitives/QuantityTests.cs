namespace KalshiArb.Domain.Tests.Primitives;

public class QuantityTests
{
    [Theory]
    [InlineData("10.00", 1000)]
    [InlineData("10", 1000)]
    [InlineData("0.01", 1)]
    [InlineData("3.000000", 300)]
    [InlineData("0", 0)]
    [InlineData("123456.78", 12345678)]
    [InlineData("00000000000000001.00", 100)]   // leading zeros are not magnitude
    [InlineData("999999999999", 99999999999900)]
    public void Parses_counts(string text, long hundredths)
    {
        Assert.Equal(WireParseError.None, Quantity.TryParse(text, out var q));
        Assert.Equal(hundredths, q.Hundredths);
    }

    [Theory]
    [InlineData("-1.00", -100)]
    [InlineData("+2.50", 250)]
    [InlineData("-0.01", -1)]
    public void Parses_signed_deltas(string text, long hundredths)
    {
        Assert.Equal(WireParseError.None, Quantity.TryParseSigned(text, out var q));
        Assert.Equal(hundredths, q.Hundredths);
    }

    [Theory]
    [InlineData("", WireParseError.Empty)]
    [InlineData(".", WireParseError.NotANumber)]
    [InlineData("ten", WireParseError.NotANumber)]
    [InlineData("-1.00", WireParseError.Negative)]
    [InlineData("1.001", WireParseError.SubTickPrecision)]
    [InlineData("1.0000001", WireParseError.TooManyDecimals)]
    [InlineData("1234567890123", WireParseError.OutOfRange)]
    public void Refuses_bad_counts(string text, WireParseError expected) =>
        Assert.Equal(expected, Quantity.TryParse(text, out _));

    [Theory]
    [InlineData(1000, "10.00")]
    [InlineData(1, "0.01")]
    [InlineData(-100, "-1.00")]
    [InlineData(0, "0.00")]
    public void Formats_two_decimals(long hundredths, string wire) =>
        Assert.Equal(wire, new Quantity(hundredths).ToWire());

    [Fact]
    public void Arithmetic_and_contracts()
    {
        Assert.Equal(new Quantity(1000), Quantity.FromContracts(10));
        Assert.Equal(new Quantity(150), new Quantity(100) + new Quantity(50));
        Assert.Equal(new Quantity(-50), new Quantity(50) - new Quantity(100));
        Assert.Equal(new Quantity(50), new Quantity(-50).Abs);
        Assert.True(new Quantity(-1).IsNegative);
        Assert.True(Quantity.Zero.IsZero);
        Assert.Throws<OverflowException>(() => new Quantity(long.MaxValue) + new Quantity(1));
    }

    [Property]
    public Property Signed_round_trip_is_exact() =>
        Prop.ForAll(Gen.Choose(-2_000_000, 2_000_000).Select(x => (long)x * 997).ToArbitrary(), h =>
        {
            var q = new Quantity(h);
            return Quantity.TryParseSigned(q.ToWire(), out var back) == WireParseError.None && back == q;
        });
}
