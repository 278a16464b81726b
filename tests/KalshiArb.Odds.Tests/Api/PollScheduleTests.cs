using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace KalshiArb.Odds.Tests.Api;

public class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Reset = Now.AddDays(7);
    private static readonly PollScheduleSettings Settings = new()
    {
        BaseInterval = TimeSpan.FromSeconds(60),
        SportIntervals = new Dictionary<string, TimeSpan> { ["basketball_ncaab"] = TimeSpan.FromMinutes(5) },
        MinInterval = TimeSpan.FromSeconds(15),
        MaxInterval = TimeSpan.FromHours(1),
        ReserveRequests = 50,
    };

    private static QuotaSnapshot Remaining(long r) => new(r, 1000, 2, Now);

    [Fact]
    public void Unknown_quota_polls_at_the_sport_base()
    {
        Assert.Equal(new PollDecision(TimeSpan.FromSeconds(60), PollPace.Base), PollSchedule.Next("basketball_nba", QuotaSnapshot.Unknown, Now, Reset, 4, 2, Settings));
        Assert.Equal(TimeSpan.FromMinutes(5), PollSchedule.Next("basketball_ncaab", QuotaSnapshot.Unknown, Now, Reset, 4, 2, Settings).Interval);
    }

    [Fact]
    public void Ample_quota_polls_at_the_base()
    {
        // 7 days × 4 sports × 2 units / 60 s needs ~80 640 units: 1 000 000 is ample.
        Assert.Equal(PollPace.Base, PollSchedule.Next("basketball_nba", Remaining(1_000_000), Now, Reset, 4, 2, Settings).Pace);
    }

    [Fact]
    public void Low_quota_slows_to_last_until_the_reset()
    {
        // 10 050 left, 50 reserved: 10 000 usable / 2 per call = 5 000 calls over 7 days for 4 sports.
        var d = PollSchedule.Next("basketball_nba", Remaining(10_050), Now, Reset, 4, 2, Settings);
        Assert.Equal(PollPace.Paced, d.Pace);
        Assert.Equal(TimeSpan.FromDays(7).TotalSeconds * 4 / 5000, d.Interval.TotalSeconds, 3);
    }

    [Fact]
    public void Very_low_quota_is_capped_at_the_slowest_interval()
    {
        var d = PollSchedule.Next("basketball_nba", Remaining(60), Now, Reset, 4, 2, Settings);
        Assert.Equal(new PollDecision(TimeSpan.FromHours(1), PollPace.Paced), d);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(51)]
    [InlineData(0)]
    public void At_the_reserve_only_the_slowest_rate(long remaining) =>
        Assert.Equal(new PollDecision(TimeSpan.FromHours(1), PollPace.Reserve), PollSchedule.Next("basketball_nba", Remaining(remaining), Now, Reset, 4, 2, Settings));

    [Fact]
    public void Past_the_reset_time_the_base_applies()
    {
        var d = PollSchedule.Next("basketball_nba", Remaining(1000), Now, Now.AddSeconds(-1), 4, 2, Settings);
        Assert.Equal(PollPace.Base, d.Pace);
    }

    [Fact]
    public void A_base_below_the_minimum_is_raised() =>
        Assert.Equal(TimeSpan.FromSeconds(15), PollSchedule.Next("x", QuotaSnapshot.Unknown, Now, Reset, 1, 1, Settings with { BaseInterval = TimeSpan.FromSeconds(1) }).Interval);

    [Fact]
    public void Monthly_reset_is_the_first_of_next_month_utc()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), PollSchedule.NextMonthlyReset(Now));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), PollSchedule.NextMonthlyReset(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)));
    }

    [Property(MaxTest = 300)]
    public Property Less_quota_never_polls_faster_and_stays_within_bounds() =>
        Prop.ForAll(
            (from a in Gen.Choose(0, 200_000)
             from b in Gen.Choose(0, 200_000)
             from sports in Gen.Choose(1, 6)
             from cost in Gen.Choose(1, 3)
             from hours in Gen.Choose(1, 24 * 31)
             select (Low: Math.Min(a, b), High: Math.Max(a, b), sports, cost, hours)).ToArbitrary(),
            x =>
            {
                var reset = Now.AddHours(x.hours);
                var low = PollSchedule.Next("s", Remaining(x.Low), Now, reset, x.sports, x.cost, Settings).Interval;
                var high = PollSchedule.Next("s", Remaining(x.High), Now, reset, x.sports, x.cost, Settings).Interval;
                return low >= high && low <= Settings.MaxInterval && high >= Settings.MinInterval;
            });
}
