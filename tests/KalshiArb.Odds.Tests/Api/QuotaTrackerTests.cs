namespace KalshiArb.Odds.Tests.Api;

public class QuotaTrackerTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage With(params (string Name, string Value)[] headers)
    {
        var r = new HttpResponseMessage();
        foreach (var (n, v) in headers) r.Headers.TryAddWithoutValidation(n, v);
        return r;
    }

    [Fact]
    public void Reads_all_three_headers_including_whole_decimals()
    {
        var t = new QuotaTracker();
        using var r = With(("x-requests-remaining", "499.0"), ("x-requests-used", "1"), ("x-requests-last", "2"));
        Assert.Equal(new QuotaSnapshot(499, 1, 2, T), t.Observe(r.Headers, T));
        Assert.Equal(new QuotaSnapshot(499, 1, 2, T), t.Current);
    }

    [Fact]
    public void Missing_or_garbled_headers_keep_the_previous_values()
    {
        var t = new QuotaTracker();
        using var first = With(("x-requests-remaining", "100"), ("x-requests-used", "5"), ("x-requests-last", "1"));
        t.Observe(first.Headers, T);
        using var second = With(("x-requests-remaining", "lots"), ("x-requests-used", "7"));
        Assert.Equal(new QuotaSnapshot(100, 7, 1, T.AddSeconds(1)), t.Observe(second.Headers, T.AddSeconds(1)));
        using var none = With();
        Assert.Equal(T.AddSeconds(1), t.Observe(none.Headers, T.AddSeconds(2)).ObservedAt);
    }

    [Fact]
    public async Task Concurrent_observers_leave_one_whole_snapshot()
    {
        var t = new QuotaTracker();
        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() =>
        {
            for (var k = 0; k < 500; k++)
            {
                using var r = With(("x-requests-remaining", (i * 1000 + k).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("x-requests-used", (i * 1000 + k).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                t.Observe(r.Headers, T);
            }
        })));
        var s = t.Current;
        Assert.Equal(s.Remaining, s.Used); // both fields from the same answer: snapshots are never torn
    }
}
