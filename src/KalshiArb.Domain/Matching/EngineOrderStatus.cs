namespace KalshiArb.Domain.Matching;

/// <summary>An order's status as the exchange reports it (Kalshi: resting | canceled | executed).</summary>
public enum EngineOrderStatus
{
    Resting = 0,
    Canceled = 1,
    Executed = 2,
}
