using KalshiArb.Actors.OddsFeed;
using KalshiArb.Domain.Odds;
using KalshiArb.Odds.Api;

namespace KalshiArb.Adapters.Recording.Data;

/// <summary>
/// The odds poller's source in a replay: answers each sport with the last recorded odds body the replay reached
/// (<see cref="Offer"/>), parsed by the same <see cref="OddsApiParser"/> as live. A sport with nothing recorded yet
/// answers a ClientError, as a live call that found nothing would be counted.
/// </summary>
public sealed class RecordedOddsSource(OddsFormat format = OddsFormat.Decimal) : IOddsSource
{
    private readonly Dictionary<string, (byte[] Body, DateTimeOffset? ReceivedAt)> _latest = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public QuotaSnapshot Quota => QuotaSnapshot.Unknown;

    public int CostPerCall => 1;

    public long Snapshots { get; private set; }

    /// <summary>The replay reached this sport's next odds answer (the body is copied), received at <paramref name="receivedAt"/>.</summary>
    public void Offer(string sportKey, ReadOnlySpan<byte> body, DateTimeOffset? receivedAt = null)
    {
        lock (_gate)
        {
            _latest[sportKey] = (body.ToArray(), receivedAt);
            Snapshots++;
        }
    }

    public Task<OddsApiResult> GetOddsAsync(string sportKey, CancellationToken ct)
    {
        (byte[] Body, DateTimeOffset? ReceivedAt) latest;
        bool found;
        lock (_gate) found = _latest.TryGetValue(sportKey, out latest);
        var (body, receivedAt) = latest;
        if (!found)
            return Task.FromResult(Failed(sportKey, new OddsApiError(OddsApiErrorKind.ClientError, null, "no odds recorded for this sport yet")));
        var parsed = OddsApiParser.Parse(body, format);
        return Task.FromResult((parsed.IsOk
            ? new OddsApiResult(sportKey, parsed.Events, null, Quota, parsed.Skipped)
            : Failed(sportKey, new OddsApiError(OddsApiErrorKind.MalformedBody, 200, parsed.BodyRejection!.Value.ToString()))) with { ReceivedAt = receivedAt });
    }

    private OddsApiResult Failed(string sportKey, OddsApiError error) => new(sportKey, [], error, Quota, new Dictionary<MalformedReason, int>());
}
