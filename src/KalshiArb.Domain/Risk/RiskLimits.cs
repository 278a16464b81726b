using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Risk;

/// <summary>
/// Risk configuration. <see cref="WorstCaseFees"/> prices the fee part of every reservation as a taker
/// order (takers always pay at least as much as makers); use the most expensive series traded.
/// </summary>
public sealed record RiskLimits
{
    public required Quantity MaxContractsPerMarket { get; init; }
    public required Money MaxExposurePerMarket { get; init; }

    /// <summary>
    /// Cap on the exposure summed over one game's markets (<see cref="GameKey"/>): YES on one team and NO on the
    /// other are the same bet, so per-market caps alone let it grow to twice the market cap. Null = no per-game
    /// cap; only tests and tools leave it null, the node's configuration always sets it.
    /// </summary>
    public Money? MaxExposurePerGame { get; init; }
    public required Money MaxTotalExposure { get; init; }
    public required int MaxOpenMarkets { get; init; }

    /// <summary>A positive amount: new risk is refused once today's realized P&amp;L is at or below −DailyLossLimit.</summary>
    public required Money DailyLossLimit { get; init; }

    /// <summary>Losing settlements in a row that trip the breaker.</summary>
    public required int LossStreakLimit { get; init; }
    public required TimeSpan LossStreakCooldown { get; init; }
    public required int MaxOrdersPerMinute { get; init; }
    public FeeSchedule WorstCaseFees { get; init; } = FeeSchedule.SportsGame;

    /// <summary>
    /// Added to every reservation: Kalshi rounds each fill's fee up to $0.0001, so an order split into up to
    /// 100 fills can cost at most one cent more than its single-order fee.
    /// </summary>
    public Money FeeRoundingMargin { get; init; } = Money.FromCents(1);
}
