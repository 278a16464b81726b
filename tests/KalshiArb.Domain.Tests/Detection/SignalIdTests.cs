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

    /// <summary>Ids are remembered per thread: whatever was asked before, and in whatever order, each is the hash of its own key.</summary>
    [Fact]
    public void A_remembered_id_is_always_the_hash_of_its_own_key()
    {
        var random = new Random(11);
        var keys = Enumerable.Range(0, 3_000).Select(_ => (
            Strategy: random.Next(3) == 0 ? "mean-reversion" : StrategyIds.ConsensusEdge,
            Ticker: T + random.Next(40),
            Side: random.Next(2) == 0 ? OutcomeSide.Yes : OutcomeSide.No,
            Limit: Price.FromCents(random.Next(1, 100)),
            Bucket: (long)random.Next(50))).ToArray();
        // twice over, the second pass in another order: hits, misses and evictions of the per-thread table
        foreach (var k in keys.Concat(keys.Reverse()))
            Assert.Equal(Reference(k.Strategy, k.Ticker, k.Side, k.Limit, k.Bucket), SignalId.Create(k.Strategy, k.Ticker, k.Side, k.Limit, k.Bucket));
    }

    private static string Reference(string strategy, string ticker, OutcomeSide side, Price limit, long bucket)
    {
        var text = strategy == StrategyIds.ConsensusEdge
            ? $"{ticker}|{side.ToWire()}|{limit.Ticks}|{bucket}"
            : $"{strategy}|{ticker}|{side.ToWire()}|{limit.Ticks}|{bucket}";
        return "sig-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))[..12]);
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
