using System.Globalization;

namespace KalshiArb.Exchange.Wire;

/// <summary>Kalshi's timestamp text: RFC 3339 UTC with a Z.</summary>
public static class WireTime
{
    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string IsoFromMs(long ms) => Iso(DateTimeOffset.FromUnixTimeMilliseconds(ms));
}
