using KalshiArb.Node.Dashboard;

namespace KalshiArb.Node.Tests.Dashboard;

public sealed class PlainProgressLinesSpec
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private sealed class StepClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    [Fact]
    public void A_quick_job_prints_nothing()
    {
        var clock = new StepClock();
        var text = new StringWriter();
        var progress = new PlainProgressLines(text, "audit", "journals", Every, clock);

        progress.Report((0, 3));
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report((3, 3));

        Assert.Equal("", text.ToString());
    }

    [Fact]
    public void A_long_job_prints_a_line_every_interval_and_one_when_done()
    {
        var clock = new StepClock();
        var text = new StringWriter();
        var progress = new PlainProgressLines(text, "audit", "journals", Every, clock);

        for (var done = 0; done < 5000; done += 100)
        {
            progress.Report((done, 5000));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        progress.Report((5000, 5000));

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(9 + 1, lines.Length); // at 5, 10, … 45 s, and the last
        Assert.Equal("audit: 500 of 5000 journals (10%)", lines[0]);
        Assert.Equal("audit: 5000 of 5000 journals (100%)", lines[^1]);
    }
}
