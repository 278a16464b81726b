namespace KalshiArb.Kalshi.Tests.Rest;

public sealed class TokenBucketTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    [Fact]
    public void Basic_tier_allows_twenty_reads_then_makes_callers_wait_in_order()
    {
        var clock = new ManualClock();
        var limiter = new KalshiRateLimiter(KalshiRateTier.Basic, clock);

        for (var i = 0; i < 20; i++) Assert.Equal(TimeSpan.Zero, limiter.Read.Take(KalshiRateTier.RequestCost));
        // the 21st and 22nd requests queue behind each other: 10 tokens at 200/s = 50 ms each
        Assert.Equal(TimeSpan.FromMilliseconds(50), limiter.Read.Take(KalshiRateTier.RequestCost));
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.Read.Take(KalshiRateTier.RequestCost));
        // writes are metered separately: 10 creates, or 50 cancels
        for (var i = 0; i < 50; i++) Assert.Equal(TimeSpan.Zero, limiter.Write.Take(KalshiRateTier.CancelCost));
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.Write.Take(KalshiRateTier.RequestCost));
    }

    [Fact]
    public void Refill_is_capped_at_capacity()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(100, 100, clock);
        bucket.Take(100);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(50, bucket.Available, 6);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(100, bucket.Available, 6);
    }

    [Fact]
    public async Task Wait_is_asynchronous_and_completes_after_refill()
    {
        var bucket = new TokenBucket(10, 100);
        await bucket.WaitAsync(10);
        var pending = bucket.WaitAsync(10);
        Assert.False(pending.IsCompleted);
        var finished = await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.Same(pending, finished);
    }

    [Fact]
    public async Task Wait_honours_cancellation()
    {
        var bucket = new TokenBucket(10, 0.001);
        await bucket.WaitAsync(10);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bucket.WaitAsync(10, cts.Token));
    }
}
