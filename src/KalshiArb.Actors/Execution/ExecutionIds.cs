using System.Security.Cryptography;
using System.Text;

namespace KalshiArb.Actors.Execution;

/// <summary>Execution ids (also Kalshi client_order_ids) derived from signal ids, so the same signal is always the same order.</summary>
public static class ExecutionIds
{
    /// <summary>A UUID-shaped name-based id: SHA-256 of the signal id, version 5 style bits set.</summary>
    public static string FromSignal(string signalId)
    {
        ArgumentException.ThrowIfNullOrEmpty(signalId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("kalshiarb-signal:" + signalId), hash);
        var b = hash[..16];
        b[6] = (byte)((b[6] & 0x0F) | 0x50);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return new Guid(b, bigEndian: true).ToString("D");
    }
}
