namespace KalshiArb.Odds.Api;

public enum PollPace
{
    /// <summary>The sport's normal interval: the quota is ample (or not yet known).</summary>
    Base,
    /// <summary>Slowed so the remaining quota lasts until it resets.</summary>
    Paced,
    /// <summary>At or below the reserve: poll at the slowest rate only.</summary>
    Reserve,
}

public sealed record PollDecision(TimeSpan Interval, PollPace Pace);

public sealed record PollScheduleSettings
{
    /// <summary>Normal interval for a sport without its own entry.</summary>
    public TimeSpan BaseInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Per sport key, e.g. a slower basketball_ncaab.</summary>
    public IReadOnlyDictionary<string, TimeSpan> SportIntervals { get; init; } = new Dictionary<string, TimeSpan>();

    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Requests kept back for manual checks; the poller never spends them except at MaxInterval.</summary>
    public long ReserveRequests { get; init; } = 50;

    public TimeSpan IntervalFor(string sportKey) => SportIntervals.TryGetValue(sportKey, out var i) ? i : BaseInterval;
}

/// <summary>
/// When to poll a sport next. Pure. The pacing spreads what is left of the quota (minus a reserve)
/// evenly over the time until it resets across all sports being polled; the interval is the slower
/// of that pace and the sport's base interval, clamped to [Min, Max]. As the quota runs low the
/// paced interval grows, so polling slows smoothly instead of stopping at zero.
/// </summary>
public static class PollSchedule
{
    public static PollDecision Next(
        string sportKey, QuotaSnapshot quota, DateTimeOffset now, DateTimeOffset quotaResetsAt,
        int activeSports, int costPerCall, PollScheduleSettings settings)
    {
        var baseInterval = Clamp(settings.IntervalFor(sportKey), settings);
        if (quota.Remaining is not { } remaining) return new PollDecision(baseInterval, PollPace.Base);

        var usable = remaining - settings.ReserveRequests;
        var cost = Math.Max(1, costPerCall);
        if (usable < cost) return new PollDecision(settings.MaxInterval, PollPace.Reserve);

        var untilReset = quotaResetsAt - now;
        if (untilReset <= TimeSpan.Zero) return new PollDecision(baseInterval, PollPace.Base);

        var callsLeft = usable / cost;
        var pacedTicks = (double)untilReset.Ticks * Math.Max(1, activeSports) / callsLeft;
        if (pacedTicks <= baseInterval.Ticks) return new PollDecision(baseInterval, PollPace.Base);
        var paced = pacedTicks >= settings.MaxInterval.Ticks ? settings.MaxInterval : TimeSpan.FromTicks((long)Math.Ceiling(pacedTicks));
        return new PollDecision(Clamp(paced, settings), PollPace.Paced);
    }

    /// <summary>The first instant of the next UTC month: The Odds API's monthly quota reset by default (configurable by the caller).</summary>
    public static DateTimeOffset NextMonthlyReset(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
    }

    private static TimeSpan Clamp(TimeSpan t, PollScheduleSettings s) =>
        t < s.MinInterval ? s.MinInterval : t > s.MaxInterval ? s.MaxInterval : t;
}
