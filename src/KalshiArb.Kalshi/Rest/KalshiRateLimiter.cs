namespace KalshiArb.Kalshi.Rest;

/// <summary>Separate read and write buckets, as Kalshi meters them.</summary>
public sealed class KalshiRateLimiter(KalshiRateTier tier, TimeProvider? clock = null)
{
    public TokenBucket Read { get; } = new(tier.ReadTokensPerSecond, tier.ReadTokensPerSecond, clock);
    public TokenBucket Write { get; } = new(tier.WriteTokensPerSecond, tier.WriteTokensPerSecond, clock);

    public Task WaitReadAsync(double cost, CancellationToken ct) => Read.WaitAsync(cost, ct);
    public Task WaitWriteAsync(double cost, CancellationToken ct) => Write.WaitAsync(cost, ct);
}
