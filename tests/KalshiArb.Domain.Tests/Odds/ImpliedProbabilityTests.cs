namespace KalshiArb.Domain.Tests.Odds;

public class ImpliedProbabilityTests
{
    [Theory]
    [InlineData(-110, 110.0 / 210.0)]
    [InlineData(-100, 0.5)]
    [InlineData(100, 0.5)]
    [InlineData(240, 100.0 / 340.0)]
    [InlineData(-305, 305.0 / 405.0)]
    public void American(double odds, double expected)
    {
        Assert.Equal(OddsRejection.None, ImpliedProbability.TryFromAmerican(odds, out var p));
        Assert.Equal(expected, p, 12);
    }

    [Theory]
    [InlineData(-99.99)]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(99)]
    public void American_between_minus100_and_100_is_refused(double odds) =>
        Assert.Equal(OddsRejection.AmericanInsideMinus100To100, ImpliedProbability.TryFromAmerican(odds, out _));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_is_refused(double odds)
    {
        Assert.Equal(OddsRejection.NotFinite, ImpliedProbability.TryFromAmerican(odds, out _));
        Assert.Equal(OddsRejection.NotFinite, ImpliedProbability.TryFromDecimal(odds, out _));
    }

    [Theory]
    [InlineData(2.0, 0.5)]
    [InlineData(1.5, 2.0 / 3.0)]
    [InlineData(4.3, 1 / 4.3)]
    public void Decimal(double odds, double expected)
    {
        Assert.Equal(OddsRejection.None, ImpliedProbability.TryFromDecimal(odds, out var p));
        Assert.Equal(expected, p, 12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(-2)]
    public void Decimal_not_above_one_is_refused(double odds) =>
        Assert.Equal(OddsRejection.DecimalNotAboveOne, ImpliedProbability.TryFromDecimal(odds, out _));

    [Fact]
    public void TryFromAll_stops_at_first_refusal()
    {
        Assert.Equal(OddsRejection.AmericanInsideMinus100To100, ImpliedProbability.TryFromAll([-110, 50], OddsFormat.American, out var ps));
        Assert.Empty(ps);
    }

    [Fact]
    public void Unknown_format_is_refused() =>
        Assert.Equal(OddsRejection.UnknownFormat, ImpliedProbability.TryFrom(2.0, (OddsFormat)42, out _));
}
