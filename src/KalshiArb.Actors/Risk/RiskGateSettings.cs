using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Risk;

/// <summary>How a <see cref="RiskGateActor"/> runs. Binding these from configuration is the host's job.</summary>
public sealed record RiskGateSettings(RiskLimits Limits)
{
    public string PersistenceId { get; init; } = RiskGateActor.DefaultPersistenceId;

    /// <summary>Cash before the venue's startup load (paper trading starts from this).</summary>
    public Money InitialBalance { get; init; } = Money.Zero;

    public int SnapshotEvery { get; init; } = 200;

    /// <summary>Wall clock; tests pass their own.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = static () => DateTimeOffset.UtcNow;

    /// <summary>Which trading day a moment belongs to (the daily loss limit resets on a new one). UTC date by default.</summary>
    public Func<DateTimeOffset, DateOnly> TradingDayOf { get; init; } = static t => DateOnly.FromDateTime(t.UtcDateTime);
}
