using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Venues;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Admin;

/// <summary>
/// Gathers the <see cref="AdminDashboardDocument"/>: everything is asked at once with the same deadline, and a part whose
/// actors do not answer comes back null (or counted as not answering) instead of holding the rest back. The console
/// dashboard calls <see cref="QueryAsync"/> in process; GET /admin/dashboard serves the same document.
/// </summary>
public static class AdminDashboardQuery
{
    public const int MaxMarkets = 40;
    public const int MaxSignals = 50;
    public const int MaxFills = 50;

    public static async Task<AdminDashboardDocument> QueryAsync(AdminTargets t, TimeSpan timeout, CancellationToken ct)
    {
        var status = AdminStatusQuery.QueryAsync(t, timeout, ct);
        var markets = MarketsAsync(t, timeout, ct);
        var signals = AskAllAsync<RecentSignals>(t, ClusterRoles.Market, OrdersHosting.AdmissionName, t.Admission, GetRecentSignals.Instance, timeout, ct);
        var fills = AskAllAsync<RecentFills>(t, ClusterRoles.Execution, OrdersHosting.DeskName, t.Orders, GetRecentFills.Instance, timeout, ct);
        await Task.WhenAll(status, markets, signals, fills);
        return new AdminDashboardDocument(DateTimeOffset.UtcNow, await status)
        {
            Markets = await markets,
            RecentSignals = await signals is { } s ? SignalsFrom(s) : null,
            RecentFills = await fills is { } f ? FillsFrom(f) : null,
        };
    }

    private static async Task<AdminMarketsSection?> MarketsAsync(AdminTargets t, TimeSpan timeout, CancellationToken ct)
    {
        if (t.Markets is not { } region) return null;
        var matched = await BoundedAsk.AnswerOrNullAsync<MatchedMarkets>(t.OddsPoller, GetMatchedMarkets.Instance, timeout, ct);
        if (matched is null) return null;
        var asks = matched.Tickers.Take(MaxMarkets)
            .Select(ticker => BoundedAsk.AnswerOrNullAsync<MarketStateView>(region, new GetMarketState(ticker), timeout, ct))
            .ToArray();
        var views = await Task.WhenAll(asks);
        var answered = views.OfType<MarketStateView>().ToArray();
        return new AdminMarketsSection(matched.Tickers.Count, views.Length - answered.Length, answered.Select(MarketLine).ToArray(),
            Sum(answered.SelectMany(v => v.Counters.SkipsByReason.Select(kv => (kv.Key.ToString(), kv.Value)))),
            Sum(answered.SelectMany(v => v.Counters.PreconditionsByReason.Select(kv => (kv.Key.ToString(), kv.Value)))));
    }

    private static AdminMarketLine MarketLine(MarketStateView v) => new(v.Ticker, v.Status, v.IsWhole, Top(v.YesBid), Top(v.YesAsk),
        Top(v.NoBid), Top(v.NoAsk), Probability(v.FairYes), v.ConsensusBooks, Probability(v.YesEdge), Probability(v.NoEdge), v.Counters.SignalsSent,
        v.LastPrecondition?.ToString() ?? v.LastSkipReason?.ToString(),
        v.LastEvaluationAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);

    private static AdminBookTop? Top(BookLevel? level) => level is { } l ? new AdminBookTop(l.Price.ToWire(), l.Size.ToWire()) : null;

    /// <summary>Probabilities and edges are model outputs (doubles), shown to four places like a price.</summary>
    private static string? Probability(double? p) => p?.ToString("F4", CultureInfo.InvariantCulture);

    private static AdminRecentSignalsSection SignalsFrom(IReadOnlyList<RecentSignals> answers) => new(answers
        .SelectMany(a => a.Signals)
        .OrderByDescending(s => s.AtMs)
        .Take(MaxSignals)
        .Select(s => new AdminSignalLine(DateTimeOffset.FromUnixTimeMilliseconds(s.AtMs), s.Ticker, s.Side, s.LimitPrice.ToWire(), s.Count.ToWire(),
            Probability(s.FairProbability)!, Probability(s.EdgePerContract)!, s.Outcome, s.SignalId))
        .ToArray());

    private static AdminRecentFillsSection FillsFrom(IReadOnlyList<RecentFills> answers)
    {
        var executionIds = answers.SelectMany(a => a.ExecutionIds).GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        // A fill reported by two desks (an order that moved between nodes) is one fill.
        return new AdminRecentFillsSection(answers
            .SelectMany(a => a.Fills)
            .DistinctBy(f => f.TradeId, StringComparer.Ordinal)
            .OrderByDescending(f => f.TimestampMs)
            .Take(MaxFills)
            .Select(f => FillLine(f, executionIds.GetValueOrDefault(f.ExchangeOrderId)))
            .ToArray());
    }

    private static AdminFillLine FillLine(VenueFill f, string? executionId) => new(DateTimeOffset.FromUnixTimeMilliseconds(f.TimestampMs), f.Ticker,
        f.Side, f.Count.ToWire(), f.Price.ToWire(), f.Fee.ToWire(), f.IsTaker ? "taker" : "maker", f.ExchangeOrderId,
        string.IsNullOrEmpty(f.ClientOrderId) ? executionId : f.ClientOrderId, f.TradeId);

    /// <summary>
    /// In a cluster: the named actor on every Up member with <paramref name="role"/>; outside one: <paramref name="local"/>.
    /// Null when nobody answered.
    /// </summary>
    private static async Task<IReadOnlyList<T>?> AskAllAsync<T>(AdminTargets t, string role, string actorName, IActorRef? local, object question,
        TimeSpan timeout, CancellationToken ct) where T : class
    {
        Task<T?>[] asks;
        if (t.ClusterSystem is { } system)
        {
            asks = Akka.Cluster.Cluster.Get(system).State.Members
                .Where(m => m.Status == MemberStatus.Up && m.HasRole(role))
                .Select(m => BoundedAsk.AnswerOrNullAsync<T>(MemberActor.On(system, m.Address, actorName), question, timeout, ct))
                .ToArray();
        }
        else
        {
            asks = local is null ? [] : [BoundedAsk.AnswerOrNullAsync<T>(local, question, timeout, ct)];
        }
        var answers = (await Task.WhenAll(asks)).OfType<T>().ToArray();
        return answers.Length == 0 ? null : answers;
    }


    private static Dictionary<string, long> Sum(IEnumerable<(string Reason, long Count)> counts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (reason, count) in counts) sum[reason] = sum.GetValueOrDefault(reason) + count;
        return sum;
    }
}
