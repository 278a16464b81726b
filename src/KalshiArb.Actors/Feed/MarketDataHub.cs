using System.Collections.Immutable;
using Akka.Event;
using Akka.Streams;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Actors.Feed;

/// <summary>
/// The node's one market-data connection: materializes the <see cref="IMarketDataSource"/> once (and again, with backoff,
/// whenever it ends) and tells every event to each local consumer (the <see cref="MarketFeed"/> where the market singleton
/// runs, the paper venue's feed, later a recorder). Back-pressured: the source gets its first event once a consumer has
/// subscribed, and each next one only once no consumer has <see cref="MarketDataHubSettings.ConsumerWindow"/> events unacknowledged; a consumer that holds it back longer than
/// <see cref="MarketDataHubSettings.SlowConsumerTimeout"/> is cut (<see cref="MarketDataCut"/>, counted) rather than stall
/// the others. Consumers' market subscriptions and snapshot requests go to the one source; a snapshot reaches every
/// consumer (each resets its book on it). An ended source reaches consumers as <see cref="FeedDisconnected"/>.
/// </summary>
public sealed class MarketDataHub : ReceiveActor, IWithTimers
{
    private const string RestartTimer = "restart";
    private const string SlowConsumerTimer = "slow-consumer";

    // tags of runs, unique across restarts of the actor: the end of a run shut down by an earlier incarnation is not this one's
    private static long s_runTags;

    private readonly IMarketDataSource _source;
    private readonly MarketDataHubSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    // consumer → events told and not yet acknowledged
    private readonly Dictionary<IActorRef, int> _inFlight = [];
    private readonly HashSet<string> _tracked = new(StringComparer.Ordinal);
    // markets whose book went out on this connection: what a consumer attaching now has missed
    private readonly HashSet<string> _booksSent = new(StringComparer.Ordinal);
    private IActorRef[] _consumers = [];
    // market → when its outstanding snapshot was asked for
    private readonly Dictionary<string, long> _snapshotAskedMs = new(StringComparer.Ordinal);
    private UniqueKillSwitch? _killSwitch;
    private long _runTag = -1;
    // the source's sender waiting for its ack while a consumer is at its window
    private IActorRef? _upstreamWaiting;
    // the current run's sink: an event still on its way from a run an earlier incarnation shut down is not passed on
    private IActorRef? _upstream;
    private FeedConnected? _connection;
    private int _consecutiveEnds;
    private long _runs;
    private long _streamEnds;
    private long _events;
    private long _cuts;
    private long _snapshotRequests;
    private long _sourceFailures;

    public static Props Props(IMarketDataSource source, MarketDataHubSettings? settings = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Akka.Actor.Props.Create(() => new MarketDataHub(source, settings ?? MarketDataHubSettings.Default, clock ?? TimeProvider.System));
    }

    public MarketDataHub(IMarketDataSource source, MarketDataHubSettings settings, TimeProvider clock)
    {
        _source = source;
        _settings = settings;
        _clock = clock;

        Receive<FeedStream.Init>(_ =>
        {
            _upstream = Sender;
            _upstreamWaiting = Sender;
            TryAckSource();
        });
        Receive<FeedEventBatch>(OnSourceBatch);
        Receive<MarketDataAck>(a => OnConsumerAck(Sender, a.Events));
        Receive<FeedStream.Ended>(OnSourceEnded);
        Receive<FeedStream.Rerun>(_ => Run());
        Receive<SubscribeMarketData>(_ => Subscribe(Sender));
        Receive<Terminated>(t => Unsubscribe(t.ActorRef));
        Receive<TrackMarkets>(t => Track(t.Tickers));
        Receive<RequestMarketSnapshot>(r => RequestSnapshot(r.Ticker, NowMs()));
        Receive<CutSlowConsumers>(_ => CutConsumersAtWindow());
        Receive<GetMarketDataHubState>(_ => Sender.Tell(View()));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Run();

    protected override void PostStop() => _killSwitch?.Shutdown();

    /// <summary>A restart loses the consumer list: each is told, so it invalidates its books and subscribes again.</summary>
    protected override void PreRestart(Exception reason, object message)
    {
        foreach (var consumer in _inFlight.Keys) consumer.Tell(new MarketDataCut($"market-data hub restarted: {reason.GetType().Name}"));
        base.PreRestart(reason, message);
    }

    private void Run()
    {
        _runs++;
        _runTag = Interlocked.Increment(ref s_runTags);
        _killSwitch = FeedStream.Run(_source, Self, Context.System.Materializer(), _runTag);
    }

    // ---- consumers ----

    private void Subscribe(IActorRef consumer)
    {
        var again = _inFlight.ContainsKey(consumer);
        _inFlight[consumer] = 0;
        _consumers = [.. _inFlight.Keys];
        Context.Watch(consumer);
        consumer.Tell(new MarketDataSubscribed(_source.Counters));
        // a consumer that attaches late gets the connection it missed and a whole book of every tracked market
        if (_connection is { } connected) Deliver(consumer, connected);
        var now = NowMs();
        _snapshotAskedMs.Clear();
        // only books already sent: one still to come reaches this consumer too (asking anyway made a replay's count of
        // snapshot requests depend on which feed subscribed first)
        var missed = 0;
        foreach (var ticker in _tracked)
        {
            if (!_booksSent.Contains(ticker)) continue;
            RequestSnapshot(ticker, now);
            missed++;
        }
        _log.Info("market data: {0} {1}subscribed; {2} consumers, snapshots of {3} markets asked for", consumer.Path.Name,
            again ? "re" : "", _inFlight.Count, missed);
        TryAckSource();
    }

    private void Unsubscribe(IActorRef consumer)
    {
        if (!_inFlight.Remove(consumer)) return;
        _consumers = [.. _inFlight.Keys];
        Context.Unwatch(consumer);
        TryAckSource();
    }

    private void OnConsumerAck(IActorRef consumer, int events)
    {
        // an ack from a consumer already cut is for an event before the cut: nothing to count
        if (!_inFlight.TryGetValue(consumer, out var n)) return;
        _inFlight[consumer] = Math.Max(0, n - events);
        TryAckSource();
    }

    private void Deliver(IActorRef consumer, FeedEvent e)
    {
        consumer.Tell(e);
        _inFlight[consumer]++;
    }

    /// <summary>A batch of one goes as its event (what a consumer gets while the hub keeps up); a larger one as one message.</summary>
    private void Deliver(IActorRef consumer, FeedEventBatch batch)
    {
        if (batch.Count == 1)
        {
            Deliver(consumer, batch.Events[0]);
            return;
        }
        consumer.Tell(batch);
        _inFlight[consumer] += batch.Count;
    }

    private bool AnyConsumerAtWindow()
    {
        foreach (var n in _inFlight.Values)
            if (n >= _settings.ConsumerWindow) return true;
        return false;
    }

    /// <summary>
    /// The source gets its next event once some consumer is subscribed (none: nothing would see it) and none is at its window;
    /// a consumer at its window starts the slow-consumer clock.
    /// </summary>
    private void TryAckSource()
    {
        if (_upstreamWaiting is null || _inFlight.Count == 0) return;
        if (AnyConsumerAtWindow())
        {
            if (!Timers.IsTimerActive(SlowConsumerTimer))
                Timers.StartSingleTimer(SlowConsumerTimer, CutSlowConsumers.Instance, _settings.SlowConsumerTimeout);
            return;
        }
        Timers.Cancel(SlowConsumerTimer);
        _upstreamWaiting.Tell(FeedStream.Ack.Instance);
        _upstreamWaiting = null;
    }

    private void CutConsumersAtWindow()
    {
        foreach (var (consumer, n) in _inFlight.Where(kv => kv.Value >= _settings.ConsumerWindow).ToArray())
        {
            _inFlight.Remove(consumer);
            Context.Unwatch(consumer);
            _cuts++;
            _log.Warning("market data: {0} held the source back {1} with {2} events unacknowledged; cut (it resubscribes)",
                consumer.Path.Name, _settings.SlowConsumerTimeout, n);
            consumer.Tell(new MarketDataCut($"slow consumer: {n} events unacknowledged for {_settings.SlowConsumerTimeout}"));
        }
        _consumers = [.. _inFlight.Keys];
        TryAckSource();
    }

    // ---- the source ----

    private void OnSourceBatch(FeedEventBatch batch)
    {
        if (!Sender.Equals(_upstream)) return;
        _consecutiveEnds = 0;
        foreach (var e in batch.Events) Note(e);
        foreach (var consumer in _consumers) Deliver(consumer, batch);
        _upstreamWaiting = Sender;
        TryAckSource();
    }

    /// <summary>What the hub itself keeps of an event: the connection, and which books went out on it.</summary>
    private void Note(FeedEvent e)
    {
        _events++;
        switch (e)
        {
            case FeedConnected c:
                _connection = c;
                // a new connection subscribes and snapshots every market: earlier requests are moot
                _snapshotAskedMs.Clear();
                _booksSent.Clear();
                break;
            case FeedDisconnected:
                _connection = null;
                _snapshotAskedMs.Clear();
                _booksSent.Clear();
                break;
            case BookSnapshot s:
                _snapshotAskedMs.Remove(s.MarketTicker);
                _booksSent.Add(s.MarketTicker);
                break;
        }
    }

    private void OnSourceEnded(FeedStream.Ended ended)
    {
        if (ended.Run != _runTag) return;
        _killSwitch = null;
        _upstream = null;
        _upstreamWaiting = null;
        _connection = null;
        _snapshotAskedMs.Clear();
        _booksSent.Clear();
        _streamEnds++;
        var delay = _settings.RestartDelay(++_consecutiveEnds);
        _log.Warning("market data: source ended ({0}); {1} consumers told; running it again in {2}", ended.Reason, _inFlight.Count, delay);
        // consumers invalidate their books as on any disconnect
        var disconnected = new FeedDisconnected($"source ended: {ended.Reason}", _clock.GetUtcNow());
        foreach (var consumer in _consumers) Deliver(consumer, disconnected);
        Timers.StartSingleTimer(RestartTimer, FeedStream.Rerun.Instance, delay);
    }

    private void Track(IReadOnlyList<string> tickers)
    {
        var added = tickers.Where(_tracked.Add).ToArray();
        if (added.Length == 0) return;
        try
        {
            _source.AddMarkets(added);
        }
        catch (Exception ex)
        {
            foreach (var ticker in added) _tracked.Remove(ticker);
            _sourceFailures++;
            _log.Error(ex, "market data: subscribing {0} markets failed; they are retried with the next request", added.Length);
        }
    }

    private void RequestSnapshot(string ticker, long nowMs)
    {
        if (_snapshotAskedMs.TryGetValue(ticker, out var asked) && nowMs - asked < (long)_settings.SnapshotRequestTimeout.TotalMilliseconds) return;
        try
        {
            _source.RequestSnapshot(ticker);
            _snapshotAskedMs[ticker] = nowMs;
            _snapshotRequests++;
        }
        catch (Exception ex)
        {
            _sourceFailures++;
            _log.Error(ex, "market data: requesting a snapshot of {0} failed", ticker);
        }
    }

    private MarketDataHubState View() =>
        new(_connection is not null, _runs, _streamEnds, _events, _inFlight.Count, _cuts, _tracked.Count, _snapshotRequests, _sourceFailures,
            SafeCounters()?.Rejects ?? ImmutableDictionary<FeedRejectReason, long>.Empty);

    private FeedCountersSnapshot? SafeCounters()
    {
        try
        {
            return _source.Counters();
        }
        catch (Exception ex)
        {
            _log.Error(ex, "market data: reading the source's counters failed");
            return null;
        }
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class CutSlowConsumers
    {
        public static readonly CutSlowConsumers Instance = new();
    }
}
