using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>Timeouts and limits of an <see cref="OrderActor"/>. Binding them from configuration is the host's job.</summary>
public sealed record OrderActorSettings
{
    /// <summary>No answer from the risk gate within this: the order is rejected (fail closed).</summary>
    public TimeSpan RiskTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A venue call not answered within this is an unknown outcome: reconcile.</summary>
    public TimeSpan VenueCallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An order still working this long after it was acknowledged is canceled.</summary>
    public TimeSpan CancelAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Between lookups while waiting for the venue to confirm a cancel or show fills.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Give up polling after this many lookups and mark the order for attention.</summary>
    public int MaxPolls { get; init; } = 60;

    public TimeSpan ReconcileRetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Failed reconciliations in a row before the order is marked NeedsAttention.</summary>
    public int MaxReconcileAttempts { get; init; } = 5;

    public int SnapshotEvery { get; init; } = 20;

    public VenueTimeInForce TimeInForce { get; init; } = VenueTimeInForce.GoodTillCanceled;

    /// <summary>A finished (or never created) order stops after this long without messages; it recovers on demand.</summary>
    public TimeSpan IdleStopAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Set when the order lives in a shard region: it passivates through its shard instead of stopping.</summary>
    public bool PassivateThroughShard { get; init; }

    public Func<long> ClockMs { get; init; } = static () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
