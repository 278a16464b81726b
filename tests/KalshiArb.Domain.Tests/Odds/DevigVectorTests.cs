namespace KalshiArb.Domain.Tests.Odds;

/// <summary>The test vectors of ../shared/odds-and-edge.md, to 1e-6.</summary>
public class DevigVectorTests
{
    private const double Tol = 1e-6;

    private static DevigResult Run(double[] odds, OddsFormat format, DevigMethod method)
    {
        var err = Devig.TryDevigOdds(odds, format, method, out var r);
        Assert.Equal(OddsRejection.None, err);
        return r;
    }

    private static void Near(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++) Assert.InRange(actual[i], expected[i] - Tol, expected[i] + Tol);
    }

    [Fact]
    public void Shin_three_way()
    {
        var r = Run([2.6, 2.4, 4.3], OddsFormat.Decimal, DevigMethod.Shin);
        Near([0.3729941, 0.4047794, 0.2222265], r.Probabilities);
        Assert.InRange(r.Parameter, 0.01694251 - 1e-8, 0.01694251 + 1e-8);
    }

    [Fact]
    public void Shin_two_way()
    {
        var r = Run([1.5, 2.74], OddsFormat.Decimal, DevigMethod.Shin);
        Near([0.6508515815, 0.3491484185], r.Probabilities);
        Assert.InRange(r.Parameter, 0.03172728541 - 1e-8, 0.03172728541 + 1e-8);
    }

    [Fact]
    public void Multiplicative_two_way() =>
        Near([0.6462264, 0.3537736], Run([1.5, 2.74], OddsFormat.Decimal, DevigMethod.Multiplicative).Probabilities);

    [Fact]
    public void Additive_two_way_equals_shin() =>
        Near([0.6508515815, 0.3491484185], Run([1.5, 2.74], OddsFormat.Decimal, DevigMethod.Additive).Probabilities);

    [Fact]
    public void Power_two_way()
    {
        var r = Run([1.5, 2.74], OddsFormat.Decimal, DevigMethod.Power);
        Near([0.6531523, 0.3468477], r.Probabilities);
        Assert.InRange(r.Parameter, 1.0505096 - Tol, 1.0505096 + Tol);
    }

    [Fact]
    public void OddsRatio_two_way()
    {
        var r = Run([1.5, 2.74], OddsFormat.Decimal, DevigMethod.OddsRatio);
        Near([0.6510178, 0.3489822], r.Probabilities);
        Assert.InRange(r.Parameter, 1.0721125 - Tol, 1.0721125 + Tol);
    }

    [Theory]
    [InlineData(DevigMethod.Shin)]
    [InlineData(DevigMethod.Multiplicative)]
    [InlineData(DevigMethod.Additive)]
    [InlineData(DevigMethod.Power)]
    [InlineData(DevigMethod.OddsRatio)]
    public void Minus110_both_sides_is_even(DevigMethod method) =>
        Near([0.5, 0.5], Run([-110, -110], OddsFormat.American, method).Probabilities);

    [Fact]
    public void Plus240_minus305_multiplicative() =>
        Near([0.2808599, 0.7191401], Run([240, -305], OddsFormat.American, DevigMethod.Multiplicative).Probabilities);

    [Theory]
    [InlineData(DevigMethod.Shin)]
    [InlineData(DevigMethod.Additive)]
    public void Plus240_minus305_shin_equals_additive(DevigMethod method) =>
        Near([0.2705156, 0.7294844], Run([240, -305], OddsFormat.American, method).Probabilities);

    [Fact]
    public void Plus240_minus305_power() =>
        Near([0.2649318, 0.7350682], Run([240, -305], OddsFormat.American, DevigMethod.Power).Probabilities);
}
