using System.Collections.Concurrent;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Domain.Odds;
using KalshiArb.Odds.Api;

namespace KalshiArb.Actors.Tests.OddsFeed;

/// <summary>Odds per sport set by the test; a sport without an entry answers a server error.</summary>
public sealed class FakeOddsSource : IOddsSource
{
    public ConcurrentDictionary<string, IReadOnlyList<OddsApiEvent>> Events { get; } = new();
    public ConcurrentQueue<string> Calls { get; } = new();

    public QuotaSnapshot Quota { get; set; } = QuotaSnapshot.Unknown;

    public int CostPerCall => 2;

    public Task<OddsApiResult> GetOddsAsync(string sportKey, CancellationToken ct)
    {
        Calls.Enqueue(sportKey);
        var result = Events.TryGetValue(sportKey, out var events)
            ? new OddsApiResult(sportKey, events, null, Quota, new Dictionary<MalformedReason, int>())
            : new OddsApiResult(sportKey, [], new OddsApiError(OddsApiErrorKind.ServerError, 503, "HTTP 503: down"), Quota,
                new Dictionary<MalformedReason, int>());
        return Task.FromResult(result);
    }

    /// <summary>An h2h event with one line per (book, home decimal, away decimal, last update).</summary>
    public static OddsApiEvent Event(string id, string home, string away, DateTimeOffset commence,
        params (string Book, double Home, double Away, DateTimeOffset Updated)[] books) =>
        new(id, "basketball_nba", commence, home, away,
            books.Select(b => new OddsApiBookmaker(b.Book, b.Book, b.Updated,
                [new OddsApiMarket("h2h", b.Updated, [new OddsApiOutcome(home, b.Home), new OddsApiOutcome(away, b.Away)])])).ToArray(),
            OddsFormat.Decimal);
}
