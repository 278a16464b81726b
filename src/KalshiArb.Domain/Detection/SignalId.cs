using System.Security.Cryptography;
using System.Text;

namespace KalshiArb.Domain.Detection;

/// <summary>
/// Deterministic signal ids: the same (ticker, side, limit, bucket) always gives the same id, so a
/// re-evaluation or a replay after restart cannot create a second order for one opportunity.
/// </summary>
public static class SignalId
{
    /// <summary>"sig-" + 24 lowercase hex chars of SHA-256 over the canonical text.</summary>
    public static string Create(string ticker, OutcomeSide side, Price limit, long bucket) =>
        Create(StrategyIds.ConsensusEdge, ticker, side, limit, bucket);

    /// <summary>
    /// As above for one strategy: two strategies never share an id for the same market, side, limit and bucket. The
    /// consensus strategy keeps the text it had before there were strategies, so its ids (and journals) are unchanged.
    /// </summary>
    public static string Create(string strategyId, string ticker, OutcomeSide side, Price limit, long bucket)
    {
        // A standing opportunity is sized again on every book change and asks for the same id each time: remembered per
        // thread (a small table, a pure function's results) rather than hashed again.
        var table = t_recent ??= new RecentId[RecentIds];
        ref var slot = ref table[HashCode.Combine(ticker, side, limit.Ticks, bucket, strategyId) & (RecentIds - 1)];
        if (slot.Id is { } known && slot.Bucket == bucket && slot.LimitTicks == limit.Ticks && slot.Side == side
            && string.Equals(slot.Ticker, ticker, StringComparison.Ordinal) && string.Equals(slot.StrategyId, strategyId, StringComparison.Ordinal))
            return known;
        var id = Hash(strategyId, ticker, side, limit, bucket);
        slot = new RecentId(strategyId, ticker, side, limit.Ticks, bucket, id);
        return id;
    }

    private const int RecentIds = 256;

    [ThreadStatic]
    private static RecentId[]? t_recent;

    private readonly record struct RecentId(string StrategyId, string Ticker, OutcomeSide Side, long LimitTicks, long Bucket, string Id);

    private static string Hash(string strategyId, string ticker, OutcomeSide side, Price limit, long bucket)
    {
        var canonical = strategyId == StrategyIds.ConsensusEdge
            ? $"{ticker}|{side.ToWire()}|{limit.Ticks}|{bucket}"
            : $"{strategyId}|{ticker}|{side.ToWire()}|{limit.Ticks}|{bucket}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonical), hash);
        return "sig-" + Convert.ToHexStringLower(hash[..12]);
    }

    /// <summary>Which bucket of <paramref name="width"/> a moment falls in (floor of Unix ms / width).</summary>
    public static long TimeBucket(DateTimeOffset at, TimeSpan width)
    {
        var ms = (long)width.TotalMilliseconds;
        if (ms <= 0) throw new ArgumentOutOfRangeException(nameof(width));
        return Math.DivRem(at.ToUnixTimeMilliseconds(), ms, out var rem) - (rem < 0 ? 1 : 0);
    }
}
