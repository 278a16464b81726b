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
    public static string Create(string ticker, OutcomeSide side, Price limit, long bucket)
    {
        var canonical = $"{ticker}|{side.ToWire()}|{limit.Ticks}|{bucket}";
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
