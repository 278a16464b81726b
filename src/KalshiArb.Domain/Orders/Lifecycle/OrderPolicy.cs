using KalshiArb.Domain.Venues;

namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>The timing rules an order's lifecycle follows. Binding them from configuration is the host's job.</summary>
public sealed record OrderPolicy
{
    /// <summary>
    /// How long a signal stays valid: no venue call is made later than this after the signal was decided. An order
    /// still unsubmitted then ends Expired. See hocon/base.conf (kalshiarb.orders.max-signal-age) for why 3 s.
    /// </summary>
    public TimeSpan MaxSignalAge { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>No answer from the risk gate within this: the order is rejected (fail closed).</summary>
    public TimeSpan RiskTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A venue call not answered within this is an unknown outcome: reconcile.</summary>
    public TimeSpan VenueCallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How much longer than <see cref="VenueCallTimeout"/> a request we gave up on may still take to land at the venue.
    /// "The venue never saw it" is final only after the horizon + call timeout + this.
    /// </summary>
    public TimeSpan InFlightGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>An order still working this long after it was acknowledged is canceled.</summary>
    public TimeSpan CancelAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Between lookups while waiting for the venue to confirm a cancel or show fills.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Give up polling after this many lookups and mark the order for attention.</summary>
    public int MaxPolls { get; init; } = 60;

    public TimeSpan ReconcileRetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Failed reconciliations in a row before the order is marked NeedsAttention.</summary>
    public int MaxReconcileAttempts { get; init; } = 5;

    /// <summary>
    /// An order that was never created (refused, or recovered empty) stops after this long without messages. Long, so
    /// a reservation asked by a lost incarnation has reached the gate before the empty order releases its id.
    /// </summary>
    public TimeSpan IdleStopAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A finished order stops after this long without messages; a later message (a settlement, a late venue report)
    /// starts it again from its journal. Short: nothing is owed to a finished order (its release at the gate is told,
    /// not asked), and every finished order still in memory outlives two collections and is copied into gen2 to die
    /// there. Measured (lifecycles harness, 2,400 orders a second): two minutes kept 240,000 finished orders (186 MB of
    /// live heap after 20 s); 2 s kept ~5,000, 250 ms ~600, and took lifecycles/s from 2,420 to 2,938 on PostgreSQL.
    /// </summary>
    public TimeSpan FinishedStopAfter { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeInForce TimeInForce { get; init; } = TimeInForce.GoodTillCanceled;

    /// <summary>
    /// Ask the venue to end the order by itself at horizon + <see cref="CancelAfter"/> (Kalshi expiration_time), so an
    /// order we lose track of (a crash, a partition) does not rest forever.
    /// </summary>
    public bool SetVenueExpiry { get; init; } = true;
}
