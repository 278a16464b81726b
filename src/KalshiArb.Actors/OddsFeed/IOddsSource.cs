using KalshiArb.Odds.Api;

namespace KalshiArb.Actors.OddsFeed;

/// <summary>What the poller needs of The Odds API (the client in production, a fake or the simulator in specs).</summary>
public interface IOddsSource
{
    Task<OddsApiResult> GetOddsAsync(string sportKey, CancellationToken ct);

    QuotaSnapshot Quota { get; }

    /// <summary>Quota units one odds call costs (markets × regions).</summary>
    int CostPerCall { get; }
}
