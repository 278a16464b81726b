namespace KalshiArb.Domain.Tests.Odds;

public class DevigRefusalTests
{
    [Fact]
    public void One_outcome_is_refused() =>
        Assert.Equal(OddsRejection.TooFewOutcomes, Devig.TryDevig([0.9], DevigMethod.Shin, out _));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Implied_outside_open_unit_interval_is_refused(double bad) =>
        Assert.Equal(OddsRejection.ImpliedOutOfRange, Devig.TryDevig([0.5, bad], DevigMethod.Multiplicative, out _));

    [Fact]
    public void Nan_is_refused() =>
        Assert.Equal(OddsRejection.NotFinite, Devig.TryDevig([0.5, double.NaN], DevigMethod.Shin, out _));

    [Theory]
    [InlineData(DevigMethod.Shin)]
    [InlineData(DevigMethod.Power)]
    [InlineData(DevigMethod.Multiplicative)]
    public void Overround_below_one_is_refused(DevigMethod method) =>
        Assert.Equal(OddsRejection.OverroundBelowOne, Devig.TryDevig([0.45, 0.5], method, out _));

    [Fact]
    public void Additive_refuses_a_longshot_pushed_below_zero() =>
        // Σ = 1.32: the shift 0.107 exceeds the 0.02 longshot.
        Assert.Equal(OddsRejection.AdditiveNonPositive, Devig.TryDevig([0.02, 0.6, 0.7], DevigMethod.Additive, out _));

    [Fact]
    public void Unknown_method_is_refused() =>
        Assert.Equal(OddsRejection.UnknownMethod, Devig.TryDevig([0.55, 0.55], (DevigMethod)99, out _));

    [Fact]
    public void Bad_price_surfaces_from_TryDevigOdds() =>
        Assert.Equal(OddsRejection.DecimalNotAboveOne, Devig.TryDevigOdds([1.0, 2.0], OddsFormat.Decimal, DevigMethod.Shin, out _));
}
