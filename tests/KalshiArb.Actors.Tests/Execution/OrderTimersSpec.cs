using System.Runtime.CompilerServices;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>The order actor's timers: a tick comes back once, a canceled or restarted timer's tick is dropped, and a canceled timer lets go of its message at once.</summary>
public sealed class OrderTimersSpec : TestKit
{
    [Fact]
    public void A_timer_ticks_once_and_its_tick_gives_back_the_message()
    {
        using var timers = new OrderTimers(TestActor);
        timers.StartSingle("horizon", "expire", TimeSpan.FromMilliseconds(20));
        var tick = ExpectMsg<OrderTimerTick>(TimeSpan.FromSeconds(3));
        Assert.Equal("expire", timers.Fired(tick));
        Assert.Null(timers.Fired(tick));
        Assert.Equal(0, timers.Running);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_canceled_timer_does_not_tick()
    {
        using var timers = new OrderTimers(TestActor);
        timers.StartSingle("gate", "waited", TimeSpan.FromMilliseconds(50));
        timers.Cancel("gate");
        Assert.Equal(0, timers.Running);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_tick_already_queued_when_its_timer_restarted_is_dropped_and_the_new_one_counts()
    {
        using var timers = new OrderTimers(TestActor);
        timers.StartSingle("gate", "first", TimeSpan.FromMilliseconds(1));
        var stale = ExpectMsg<OrderTimerTick>(TimeSpan.FromSeconds(3));
        timers.StartSingle("gate", "second", TimeSpan.FromMilliseconds(1));
        var current = ExpectMsg<OrderTimerTick>(TimeSpan.FromSeconds(3));
        Assert.Null(timers.Fired(stale));
        Assert.Equal("second", timers.Fired(current));
    }

    [Fact]
    public void Timers_with_different_keys_run_side_by_side_and_dispose_stops_them_all()
    {
        var timers = new OrderTimers(TestActor);
        timers.StartSingle("a", "A", TimeSpan.FromMilliseconds(200));
        timers.StartSingle("b", "B", TimeSpan.FromMilliseconds(200));
        Assert.Equal(2, timers.Running);
        timers.Dispose();
        Assert.Equal(0, timers.Running);
        ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void A_canceled_timer_holds_nothing_until_its_deadline()
    {
        using var timers = new OrderTimers(TestActor);
        var message = StartAndCancel(timers);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(message.TryGetTarget(out _), "a timer canceled an hour before its deadline still holds its message");
    }

    // Not inlined, so no local of the caller keeps the message alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<object> StartAndCancel(OrderTimers timers)
    {
        var message = new object();
        timers.StartSingle("horizon", message, TimeSpan.FromHours(1));
        timers.Cancel("horizon");
        return new WeakReference<object>(message);
    }
}
