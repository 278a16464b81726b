namespace KalshiArb.Domain.Risk;

/// <summary>Why the risk gate refused a reservation. Counted in metrics and kept in the order's journal.</summary>
public enum RiskDenialReason
{
    None = 0,
    /// <summary>Count ≤ 0, price outside (0, 1), empty ids.</summary>
    InvalidRequest,
    /// <summary>This execution id was already reserved once (ids are never reused, like client_order_id).</summary>
    DuplicateExecutionId,
    Halted,
    /// <summary>Reduce-only mode and the order would not shrink the market's position.</summary>
    ReduceOnly,
    /// <summary>Another order of this market is still in flight.</summary>
    OrderInFlight,
    MaxContractsPerMarket,
    MaxExposurePerMarket,
    /// <summary>The game's markets together (YES on one team + NO on the other) would exceed RiskLimits.MaxExposurePerGame.</summary>
    MaxExposurePerGame,
    MaxTotalExposure,
    MaxOpenMarkets,
    DailyLossLimit,
    LossStreakCooldown,
    OrdersPerMinute,
    InsufficientBalance,
    /// <summary>No answer from the risk gate in time: the caller fails closed (never produced by the rules themselves).</summary>
    RiskUnavailable,
}
