namespace KalshiArb.Domain.Tests.Detection;

public class SignalIdTests
{
    private const string T = "KXNBAGAME-26FEB07HOUOKC-OKC";

    [Fact]
    public void Is_deterministic_and_well_formed()
    {
        var a = SignalId.Create(T, OutcomeSide.Yes, Price.Parse("0.52"), 7);
        Assert.Equal(a, SignalId.Create(T, OutcomeSide.Yes, Price.Parse("0.52"), 7));
        Assert.Matches("^sig-[0-9a-f]{24}$", a);
    }

    [Fact]
    public void Every_component_changes_the_id()
    {
        var ids = new[]
        {
            SignalId.Create(T, OutcomeSide.Yes, Price.Parse("0.52"), 7),
            SignalId.Create(T + "X", OutcomeSide.Yes, Price.Parse("0.52"), 7),
            SignalId.Create(T, OutcomeSide.No, Price.Parse("0.52"), 7),
            SignalId.Create(T, OutcomeSide.Yes, Price.Parse("0.53"), 7),
            SignalId.Create(T, OutcomeSide.Yes, Price.Parse("0.52"), 8),
        };
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Time_bucket_floors()
    {
        var t = DateTimeOffset.FromUnixTimeMilliseconds(12_345);
        Assert.Equal(2, SignalId.TimeBucket(t, TimeSpan.FromSeconds(5)));
        Assert.Equal(-1, SignalId.TimeBucket(DateTimeOffset.FromUnixTimeMilliseconds(-1), TimeSpan.FromSeconds(5)));
        Assert.Equal(0, SignalId.TimeBucket(DateTimeOffset.FromUnixTimeMilliseconds(4_999), TimeSpan.FromSeconds(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SignalId.TimeBucket(t, TimeSpan.Zero));
    }
}
