namespace KalshiArb.Odds.Tests.Api;

public class OddsArrivalsTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Holds_only_changes_received_after_an_open_answer_until_it_is_applied()
    {
        var arrivals = new OddsArrivals();
        var released = 0;
        arrivals.Released += () => released++;
        var ms = T0.ToUnixTimeMilliseconds();
        Assert.False(arrivals.Holds(ms + 1));

        var at = arrivals.Open(new FixedClock(T0));
        Assert.Equal(T0, at);
        Assert.False(arrivals.Holds(ms)); // received with it or before: it goes first, as in the recording
        Assert.True(arrivals.Holds(ms + 1));

        arrivals.Applied(at);
        Assert.Equal(1, released);
        Assert.False(arrivals.Holds(ms + 1));
        Assert.Equal(0, arrivals.Open());
    }

    [Fact]
    public void With_two_answers_open_the_earlier_one_holds_until_it_is_applied_whichever_closes_first()
    {
        var arrivals = new OddsArrivals();
        var clock = new FixedClock(T0);
        var first = arrivals.Open(clock);
        clock.Now = T0.AddMilliseconds(50);
        var second = arrivals.Open(clock);
        var ms = T0.ToUnixTimeMilliseconds();

        arrivals.Applied(second);
        Assert.True(arrivals.Holds(ms + 10));
        arrivals.Applied(first);
        Assert.False(arrivals.Holds(ms + 100));
    }

    [Fact]
    public void An_answer_applied_that_was_never_opened_releases_nothing()
    {
        var arrivals = new OddsArrivals();
        var released = 0;
        arrivals.Released += () => released++;
        var open = arrivals.Open(new FixedClock(T0));
        arrivals.Applied(T0.AddSeconds(1)); // a replayed answer: not this process's
        Assert.Equal(0, released);
        Assert.True(arrivals.Holds(T0.ToUnixTimeMilliseconds() + 1));
        arrivals.Applied(open);
        Assert.Equal(1, released);
    }
}
