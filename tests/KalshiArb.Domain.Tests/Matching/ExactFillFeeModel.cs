namespace KalshiArb.Domain.Tests.Matching;

/// <summary>
/// The Kalshi rule written out independently for tests: taker 0.07·C·P·(1−P), maker 0.0175·C·P·(1−P),
/// per fill rounded up to $0.0001. In units: C hundredths h, P ticks t → fee units = rate·h·t·(1e4−t)/1e10
/// with rate in 1/10000 (700 taker, 175 maker).
/// </summary>
public sealed class ExactFillFeeModel : IFillFeeModel
{
    public static readonly ExactFillFeeModel Instance = new();

    public Money FeeFor(Price yesPrice, Quantity count, bool isTaker)
    {
        var rate = isTaker ? 700 : 175;
        var raw = (Int128)rate * count.Hundredths * yesPrice.Ticks * (Price.TicksPerDollar - yesPrice.Ticks);
        var div = (Int128)10_000_000_000L;
        var q = raw / div;
        if (raw % div != 0) q++;
        return new Money((long)q);
    }
}
