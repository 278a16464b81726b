namespace KalshiArb.Actors.Execution;

/// <summary>How the <see cref="OpenOrderWatch"/> runs.</summary>
public sealed record OpenOrderWatchSettings
{
    /// <summary>
    /// How often every listed order is woken. Bounds how long an order whose entity stopped on its own (a journal
    /// failure stops it to recover) waits to come back; a departed execution node is answered at once, not by this.
    /// </summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the orders of the risk gate's reservations are woken (an order that never reached the journal releases its reservation).</summary>
    public TimeSpan ReservationSweepInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The bound on one read of the table; a read that takes longer is abandoned and tried at the next sweep.</summary>
    public TimeSpan ListTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Wakes sent per tick (10 ticks a second): a long list (thousands of resting orders, or what an old journal left)
    /// is woken over a second or two instead of in one burst that new orders would queue behind.
    /// </summary>
    public int WakesPerTick { get; init; } = 200;
}
