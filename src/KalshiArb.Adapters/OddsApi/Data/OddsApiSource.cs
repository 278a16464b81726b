using KalshiArb.Actors.OddsFeed;
using KalshiArb.Odds.Api;

namespace KalshiArb.Adapters.OddsApi.Data;

/// <summary>The Odds API client as the odds poller's source.</summary>
public sealed class OddsApiSource(OddsApiClient client, OddsApiOptions options) : IOddsSource
{
    public Task<OddsApiResult> GetOddsAsync(string sportKey, CancellationToken ct) => client.GetOddsAsync(sportKey, null, ct);

    public QuotaSnapshot Quota => client.Quota;

    public int CostPerCall => options.CostPerCall;
}
