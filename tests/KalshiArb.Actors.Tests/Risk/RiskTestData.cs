namespace KalshiArb.Actors.Tests.Risk;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
}

public static class RiskTestData
{
    public static RiskLimits Limits(
        int maxContracts = 100, int maxOpenMarkets = 10, int maxOrdersPerMinute = 100, int lossStreakLimit = 3,
        long maxExposurePerMarketDollars = 100, long maxTotalExposureDollars = 500) => new()
    {
        MaxContractsPerMarket = Quantity.FromContracts(maxContracts),
        MaxExposurePerMarket = Money.FromDollars(maxExposurePerMarketDollars),
        MaxTotalExposure = Money.FromDollars(maxTotalExposureDollars),
        MaxOpenMarkets = maxOpenMarkets,
        DailyLossLimit = Money.FromDollars(50),
        LossStreakLimit = lossStreakLimit,
        LossStreakCooldown = TimeSpan.FromHours(1),
        MaxOrdersPerMinute = maxOrdersPerMinute,
    };

    public static RiskGateSettings Settings(ManualClock clock, RiskLimits? limits = null, long balanceDollars = 1_000,
        string persistenceId = "risk-gate", int snapshotEvery = 200) => new(limits ?? Limits())
    {
        PersistenceId = persistenceId,
        InitialBalance = Money.FromDollars(balanceDollars),
        Clock = () => clock.Now,
        SnapshotEvery = snapshotEvery,
    };
}
