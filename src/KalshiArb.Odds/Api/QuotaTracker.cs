using System.Globalization;
using System.Net.Http.Headers;

namespace KalshiArb.Odds.Api;

/// <summary>Keeps the latest quota headers. Thread-safe: readers get an immutable snapshot.</summary>
public sealed class QuotaTracker
{
    public const string RemainingHeader = "x-requests-remaining";
    public const string UsedHeader = "x-requests-used";
    public const string LastHeader = "x-requests-last";

    private QuotaSnapshot _current = QuotaSnapshot.Unknown;

    public QuotaSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Updates from an answer's headers; a header that is missing or unreadable keeps its previous value.</summary>
    public QuotaSnapshot Observe(HttpResponseHeaders headers, DateTimeOffset at)
    {
        var remaining = Read(headers, RemainingHeader);
        var used = Read(headers, UsedHeader);
        var last = Read(headers, LastHeader);
        if (remaining is null && used is null && last is null) return Current;
        while (true)
        {
            var before = Current;
            var after = new QuotaSnapshot(remaining ?? before.Remaining, used ?? before.Used, last ?? before.LastCost, at);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, after, before), before)) return after;
        }
    }

    /// <summary>Integer counts; the API has been seen to send "499.0", so whole decimals are accepted too.</summary>
    private static long? Read(HttpResponseHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out var values)) return null;
        var text = values.FirstOrDefault();
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= long.MaxValue)
            return (long)decimal.Floor(d);
        return null;
    }
}
