using System.Collections.Immutable;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Risk;

/// <summary>The whole RiskBook except its limits (those come from configuration on every start).</summary>
public sealed record RiskGateSnapshot(
    KillSwitchState KillSwitch,
    Money Balance,
    IReadOnlyList<MarketPosition> Positions,
    IReadOnlyList<Reservation> Reservations,
    IReadOnlyList<string> SeenExecutionIds,
    IReadOnlyList<string> AppliedTradeIds,
    IReadOnlyList<DateTimeOffset> RecentApprovals,
    DateOnly TradingDay,
    Money RealizedToday,
    int LossStreak,
    DateTimeOffset? CooldownUntil,
    Money ReservedTotal,
    Money ReleasedTotal)
{
    public static RiskGateSnapshot From(RiskBook b) => new(
        b.KillSwitch,
        b.Balance,
        b.Positions.Values.OrderBy(p => p.Ticker, StringComparer.Ordinal).ToArray(),
        b.Reservations.Values.OrderBy(r => r.ExecutionId, StringComparer.Ordinal).ToArray(),
        b.SeenExecutionIds.Items.OrderBy(x => x, StringComparer.Ordinal).ToArray(),
        b.AppliedTradeIds.Items.OrderBy(x => x, StringComparer.Ordinal).ToArray(),
        b.RecentApprovals.ToArray(),
        b.TradingDay,
        b.RealizedToday,
        b.LossStreak,
        b.CooldownUntil,
        b.ReservedTotal,
        b.ReleasedTotal);

    public RiskBook ToBook(RiskLimits limits) => RiskBook.Restore(new RiskBook
    {
        Limits = limits,
        KillSwitch = KillSwitch,
        Balance = Balance,
        SeenExecutionIds = RecentIds.Of(SeenExecutionIds),
        AppliedTradeIds = RecentIds.Of(AppliedTradeIds),
        TradingDay = TradingDay,
        RealizedToday = RealizedToday,
        LossStreak = LossStreak,
        CooldownUntil = CooldownUntil,
        ReservedTotal = ReservedTotal,
        ReleasedTotal = ReleasedTotal,
    }, Positions, Reservations, RecentApprovals);
}
