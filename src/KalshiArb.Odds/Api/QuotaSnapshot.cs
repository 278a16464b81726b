namespace KalshiArb.Odds.Api;

/// <summary>
/// The Odds API usage quota as the last answer reported it (x-requests-remaining/used/last).
/// Null values: not reported yet.
/// </summary>
public sealed record QuotaSnapshot(long? Remaining, long? Used, long? LastCost, DateTimeOffset? ObservedAt)
{
    public static QuotaSnapshot Unknown { get; } = new(null, null, null, null);
}
