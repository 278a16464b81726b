using KalshiArb.Node.Soak;

namespace KalshiArb.Node.Tests.Soak;

public sealed class FaultScheduleSpec
{
    private static readonly TimeSpan ThreeMinutes = TimeSpan.FromMinutes(3);

    [Fact]
    public void Same_seed_gives_the_same_schedule()
    {
        Assert.Equal(FaultSchedule.Plan(42, ThreeMinutes), FaultSchedule.Plan(42, ThreeMinutes));
    }

    [Fact]
    public void Different_seeds_give_different_schedules()
    {
        Assert.NotEqual(FaultSchedule.Plan(1, ThreeMinutes), FaultSchedule.Plan(2, ThreeMinutes));
    }

    [Fact]
    public void Three_minutes_cover_every_fault_kind_once_before_any_repeats()
    {
        var plan = FaultSchedule.Plan(7, ThreeMinutes);
        var kinds = Enum.GetValues<SoakFaultKind>();
        Assert.True(plan.Count >= kinds.Length, $"only {plan.Count} faults planned");
        Assert.Equal(kinds.Order(), plan.Take(kinds.Length).Select(f => f.Kind).Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(12345)]
    public void Nothing_is_planned_in_the_warm_up_or_the_quiet_tail(int seed)
    {
        var duration = TimeSpan.FromMinutes(10);
        var plan = FaultSchedule.Plan(seed, duration);
        Assert.NotEmpty(plan);
        Assert.All(plan, f => Assert.InRange(f.At, FaultSchedule.WarmUp, duration - FaultSchedule.QuietTail));
        Assert.All(plan.Zip(plan.Skip(1)), p => Assert.True(p.Item2.At >= p.Item1.At + p.Item1.Hold + FaultSchedule.MinGap));
    }

    [Fact]
    public void Sizes_stay_in_their_ranges()
    {
        var plan = Enumerable.Range(0, 50).SelectMany(seed => FaultSchedule.Plan(seed, TimeSpan.FromMinutes(10))).ToArray();
        Assert.All(plan.Where(f => f.Kind == SoakFaultKind.KillAfterSignal), f => Assert.InRange(f.Magnitude, 0, 1500));
        Assert.All(plan.Where(f => f.Kind == SoakFaultKind.RestDelay), f => Assert.InRange(f.Magnitude, 200, 1200));
        Assert.All(plan.Where(f => f.Kind is SoakFaultKind.ServerErrorStorm or SoakFaultKind.RateLimitStorm), f => Assert.InRange(f.Magnitude, 30, 80));
        Assert.All(plan.Where(f => f.Kind == SoakFaultKind.JournalLock), f => Assert.InRange(f.Hold.TotalSeconds, 9, 11));
    }

    [Fact]
    public void Kills_and_sigterms_pick_their_node_by_the_seed()
    {
        var single = FaultSchedule.Plan(5, TimeSpan.FromMinutes(10));
        Assert.All(single, f => Assert.Equal(0, f.Target));

        var cluster = FaultSchedule.Plan(5, TimeSpan.FromMinutes(10), nodes: 3);
        var stops = cluster.Where(f => f.Kind.StopsNode()).ToArray();
        Assert.All(stops, f => Assert.InRange(f.Target, 0, 2));
        Assert.True(stops.Select(f => f.Target).Distinct().Count() > 1, "every stop hit the same node");
        Assert.All(cluster.Where(f => !f.Kind.StopsNode()), f => Assert.Equal(0, f.Target));
        Assert.Equal(cluster, FaultSchedule.Plan(5, TimeSpan.FromMinutes(10), nodes: 3));
    }

    [Fact]
    public void A_run_too_short_for_the_warm_up_and_tail_plans_nothing()
    {
        Assert.Empty(FaultSchedule.Plan(1, FaultSchedule.WarmUp + FaultSchedule.QuietTail));
    }

    [Fact]
    public void Only_the_kinds_asked_for_are_planned()
    {
        var plan = FaultSchedule.Plan(3, ThreeMinutes, kinds: [SoakFaultKind.WebSocketDrop, SoakFaultKind.SequenceGap]);
        Assert.All(plan, f => Assert.Contains(f.Kind, new[] { SoakFaultKind.WebSocketDrop, SoakFaultKind.SequenceGap }));
    }
}
