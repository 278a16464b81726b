using System.Globalization;

namespace KalshiArb.Exchange.Wire;

/// <summary>Kalshi's timestamp text: RFC 3339 UTC with a Z.</summary>
public static class WireTime
{
    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string IsoFromMs(long ms) => Iso(DateTimeOffset.FromUnixTimeMilliseconds(ms));

    private static readonly string[] Rfc3339 =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>RFC 3339 with a Z or an offset, whole or fractional seconds (what clients send as expiration_time).</summary>
    public static bool TryParse(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, Rfc3339, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
