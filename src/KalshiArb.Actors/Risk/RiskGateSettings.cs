using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Risk;

/// <summary>How a <see cref="RiskGateActor"/> runs. Binding these from configuration is the host's job.</summary>
public sealed record RiskGateSettings(RiskLimits Limits)
{
    public string PersistenceId { get; init; } = RiskGateActor.DefaultPersistenceId;

    /// <summary>Cash before the venue's startup load (paper trading starts from this).</summary>
    public Money InitialBalance { get; init; } = Money.Zero;

    /// <summary>
    /// Events between snapshots. A snapshot holds every execution and trade id the gate has seen, so it grows with the
    /// orders ever placed: often enough to keep a restart's replay short (~10k events), rarely enough to stay off the
    /// order path at thousands of events a second.
    /// </summary>
    public int SnapshotEvery { get; init; } = 10_000;

    /// <summary>Wall clock; tests pass their own.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = static () => DateTimeOffset.UtcNow;

    /// <summary>Which trading day a moment belongs to (the daily loss limit resets on a new one). UTC date by default.</summary>
    public Func<DateTimeOffset, DateOnly> TradingDayOf { get; init; } = static t => DateOnly.FromDateTime(t.UtcDateTime);
}
