using Akka.Actor;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.Hosting;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Venues.Paper;
using KalshiArb.Adapters.Recording.Data;
using KalshiArb.Domain.Orders;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Replay;

/// <summary>
/// The replay's waits, through the node's own actors: the feed's event count, then one state question to each market
/// touched (it reaches the market through the same region, after everything the feed sent it), then the admission (after
/// the signals those markets sent). Each wait is bounded by <paramref name="timeout"/>.
/// </summary>
public sealed class NodeReplayBarrier(TradingNode node, IReadOnlyList<string> allMarkets, TimeSpan timeout) : IReplayBarrier
{
    private readonly MarketSideRefs _markets = node.Markets;
    private readonly IActorRef? _paperFeed = Akka.Hosting.ActorRegistry.For(node.System).TryGet<PaperVenueFeed>(out var feed) ? feed : null;

    public long Settles { get; private set; }

    public async Task SettleAsync(long events, IReadOnlyCollection<string> markets, long dueByMs, CancellationToken ct)
    {
        Settles++;
        // one answer each when the step's events are in (asking for state in a loop competed with the parser for the
        // source's counters and slept a millisecond at a time)
        var feed = EventsTakenAsync(_markets.Feed, events, "the market feed to take the replayed events", ct);
        // the paper books too: an order meets the same book every time
        var paperFeed = _paperFeed is { } paper ? EventsTakenAsync(paper, events, "the paper venue's feed to take the replayed events", ct) : Task.CompletedTask;
        await Task.WhenAll(feed, paperFeed);
        await SettleMarketsAsync(markets, dueByMs, ct);
    }

    public async Task PollOddsAsync(string sportKey, long receivedAtMs, CancellationToken ct)
    {
        var before = PollsOf(await OddsState(ct), sportKey);
        if (before is null) return; // no market of this sport in the catalog: the poller does not follow it
        _markets.OddsPoller.Tell(new PollSport(sportKey));
        await WaitUntilAsync(async () => PollsOf(await OddsState(ct), sportKey) > before, $"the odds poll of {sportKey}", ct);
        // the consensus went to every market of the sport: all of them have read the clock before it moves
        await SettleMarketsAsync(allMarkets, receivedAtMs, ct);
    }

    /// <summary>Before the first record: the catalog reached the feed and the poller (and, through the region, every market).</summary>
    public async Task WaitForCatalogAsync(int markets, CancellationToken ct)
    {
        if (markets == 0) return;
        await WaitUntilAsync(async () => (await _markets.Feed.Ask<FeedStateView>(GetFeedState.Instance, timeout, ct)).TrackedMarkets >= markets,
            "the catalog to reach the market feed", ct);
        await WaitUntilAsync(async () => (await OddsState(ct)).Sports.Sum(s => s.Markets) > 0 || (await OddsState(ct)).UnmatchedMarkets > 0,
            "the catalog to reach the odds poller", ct);
        await SettleMarketsAsync(allMarkets, long.MinValue, ct);
    }

    /// <summary>
    /// After the last record: every admitted signal has been placed or refused, and the fills and P&amp;L have stopped
    /// changing (three reads 100 ms apart agree), bounded by the timeout. The order path after the admission runs on its own
    /// timing (risk gate, journal, paper venue latency): this is where a replay waits for it.
    /// </summary>
    public async Task QuiesceOrdersAsync(Func<long> fills, CancellationToken ct)
    {
        if (node.Admission is not { } admission || node.Orders is not { } desk) return;
        await WaitUntilAsync(async () =>
        {
            var a = await admission.Ask<KalshiArb.Actors.Execution.AdmissionStatus>(KalshiArb.Actors.Execution.GetAdmissionStatus.Instance, timeout, ct);
            return a.Admitted <= a.Placed + a.NotPlacedByReason.Values.Sum();
        }, "every admitted signal to be placed or refused", ct);
        string? last = null;
        var same = 0;
        await WaitUntilAsync(async () =>
        {
            await Task.Delay(100, ct);
            var book = await desk.Ask<KalshiArb.Actors.Execution.PnlBook>(KalshiArb.Actors.Execution.GetPnlBook.Instance, timeout, ct);
            var now = $"{fills()}|{string.Join(";", book.Positions.Select(p => $"{p.Ticker}:{p.Contracts}:{p.CashFlow}"))}";
            same = now == last ? same + 1 : 0;
            last = now;
            return same >= 2;
        }, "the fills to stop", ct);
    }

    /// <summary>
    /// These markets, and every market with an evaluation pending, have handled everything sent before and run what was due
    /// by <paramref name="dueByMs"/>: a replay has no wall-clock timer for a due evaluation (its clock is not the wall's), so
    /// the barrier runs it when the replay's time passes it, before any later record, where live's timer ran it.
    /// </summary>
    private async Task SettleMarketsAsync(IEnumerable<string> markets, long dueByMs, CancellationToken ct)
    {
        var asked = new HashSet<string>(markets, StringComparer.Ordinal);
        asked.UnionWith(_pendingEvaluations);
        var answers = await Task.WhenAll(asked.Select(t => _markets.Markets.Ask<MarketEvaluationsDue>(new EvaluateDueBy(t, dueByMs), timeout, ct)));
        foreach (var a in answers)
            if (a.PendingDueMs is null) _pendingEvaluations.Remove(a.Ticker);
            else _pendingEvaluations.Add(a.Ticker);
        if (node.Admission is not { } admission) return;
        // The signals those markets sent wait at the admission (they were told before the markets answered). Placed one at a
        // time, each order through the risk gate and to the paper venue before the next: which order a limit (orders per
        // minute, exposure per game) or a book's depth favours is then the same in every replay, and every order meets the
        // book as it stands here, whatever the latency (the clock and the records wait for it).
        while ((await admission.Ask<HeldSignalReleased>(ReleaseHeldSignal.Instance, timeout, ct)).ExecutionId is not null)
        {
            _released++;
            await WaitUntilAsync(() => OrdersSettledAsync(admission, ct), "the released order to reach the paper venue", ct);
        }
        // an order still on its way (a cancel) also finishes before the clock moves
        if (_ordersInFlight) await WaitUntilAsync(() => OrdersSettledAsync(admission, ct), "the orders in flight to reach the paper venue", ct);
    }

    /// <summary>Every released signal has been placed or refused, and no order waits for the gate or the venue.</summary>
    private async Task<bool> OrdersSettledAsync(IActorRef admission, CancellationToken ct)
    {
        var now = await admission.Ask<AdmissionStatus>(GetAdmissionStatus.Instance, timeout, ct);
        if (_released > now.Placed + now.Repeated + now.NotPlacedByReason.Values.Sum()) return false;
        if (node.Orders is not { } desk) return true;
        var status = await desk.Ask<ExecutionStatus>(GetExecutionStatus.Instance, timeout, ct);
        var known = status.Open.Count + status.NeedsAttention.Count + status.Ended.Values.Sum();
        _ordersInFlight = status.Open.Any(o => o.State is ExecutionOrderState.Created or ExecutionOrderState.RiskApproved
            or ExecutionOrderState.Submitting or ExecutionOrderState.CancelRequested);
        return known >= now.Placed && !_ordersInFlight;
    }

    private long _released;
    private readonly HashSet<string> _pendingEvaluations = new(StringComparer.Ordinal);
    private bool _ordersInFlight;

    private async Task EventsTakenAsync(ICanTell consumer, long events, string what, CancellationToken ct)
    {
        try
        {
            await consumer.Ask<EventsReceivedReached>(new AwaitEventsReceived(events), timeout, ct);
        }
        catch (AskTimeoutException)
        {
            throw new TimeoutException($"replay: waited {timeout.TotalSeconds:0.#} s for {what}");
        }
    }

    private Task<OddsFeedStateView> OddsState(CancellationToken ct) => _markets.OddsPoller.Ask<OddsFeedStateView>(GetOddsFeedState.Instance, timeout, ct);

    private static long? PollsOf(OddsFeedStateView state, string sportKey) => state.Sports.FirstOrDefault(s => s.SportKey == sportKey)?.Polls;

    private async Task WaitUntilAsync(Func<Task<bool>> done, string what, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var tries = 0;
        while (!await done())
        {
            if (deadline.IsCancellationRequested)
                throw new TimeoutException($"replay: waited {timeout.TotalSeconds:0.#} s for {what}");
            // a few quick looks, then a short sleep: asking in a tight loop takes a core from the actors it waits for
            if (++tries < 4) await Task.Yield();
            else await Task.Delay(1, CancellationToken.None);
        }
    }
}
