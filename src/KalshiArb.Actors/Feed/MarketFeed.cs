using System.Collections.Immutable;
using Akka.Event;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.Metrics;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Actors.Feed;

/// <summary>Subscribe these markets on the feed (discovery's result); they are also invalidated on every disconnect.</summary>
public sealed record TrackMarkets(IReadOnlyList<string> Tickers);

public sealed record MarketFeedSettings
{
    /// <summary>Period over which events per second are measured.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often to vouch for books that are whole and unchanged (<see cref="BookConfirmed"/>), so a quiet market
    /// does not look stale; null turns it off (book age then counts from the last change only).
    /// </summary>
    public TimeSpan? BookConfirmInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Books are vouched for only if some event arrived this recently: a silent socket proves nothing.</summary>
    public TimeSpan ConfirmOnlyAfterEventWithin { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The process's open odds answers: events received after one are held back until the poller applied it, so each
    /// market gets the consensus and its book changes in receive order (the recording's). Null: not held.
    /// </summary>
    public KalshiArb.Odds.Api.OddsArrivals? OddsArrivals { get; init; }

    /// <summary>Longest an event is held back for an odds answer that never closes (a poller that died with it).</summary>
    public TimeSpan MaxOddsHold { get; init; } = TimeSpan.FromSeconds(2);

    public static MarketFeedSettings Default { get; } = new();
}

/// <summary>
/// Takes the node's market data from its <see cref="MarketDataHub"/> (back-pressured: each event acknowledged), maps each
/// event to a MarketActor message and sends it to the markets (router or shard region). On a disconnect or a gap the books
/// concerned are marked not whole until their next snapshot. Keeps feed state for status.
/// </summary>
public sealed class MarketFeed : ReceiveActor, IWithTimers
{
    private const string RateTimer = "rate";
    private const string ConfirmTimer = "confirm";

    private readonly IActorRef _hub;
    private readonly IActorRef _markets;
    private readonly MarketFeedSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly MarketSequencer _sequencer = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tracked = new(StringComparer.Ordinal);
    // books with a snapshot on this connection and no gap since: the ones the feed can vouch for
    private readonly HashSet<string> _current = new(StringComparer.Ordinal);
    private long _lastEventMs;
    private readonly long[] _ignored = new long[Enum.GetValues<FeedIgnoreReason>().Length];
    private Func<FeedCountersSnapshot?> _sourceCounters = () => null;

    private bool _connected;
    private long? _connectedSinceMs;
    private long? _lastDisconnectMs;
    private string? _lastDisconnectReason;
    private long _connects;
    private long _disconnects;
    private long _events;
    private readonly EventCountWaiters _eventWaiters = new();
    private long _sent;
    private long _gaps;
    private long _resyncs;
    private long _windowStartEvents;
    private long _windowStartMs;
    private double _rate;

    /// <param name="hub">The node's <see cref="MarketDataHub"/> (on this member).</param>
    public static Props Props(IActorRef hub, IActorRef markets, MarketFeedSettings? settings = null, TimeProvider? clock = null) =>
        Akka.Actor.Props.Create(() => new MarketFeed(hub, markets, settings ?? MarketFeedSettings.Default, clock ?? TimeProvider.System));

    public MarketFeed(IActorRef hub, IActorRef markets, MarketFeedSettings settings, TimeProvider clock)
    {
        _hub = hub;
        _markets = markets;
        _settings = settings;
        _clock = clock;

        Receive<FeedEvent>(e =>
        {
            Take(e);
            Sender.Tell(MarketDataAck.Instance);
            _eventWaiters.Reached(_events);
        });
        Receive<FeedEventBatch>(b =>
        {
            foreach (var e in b.Events) Take(e);
            Sender.Tell(new MarketDataAck(b.Count));
            _eventWaiters.Reached(_events);
        });
        Receive<OddsReleased>(r => ReleaseHeld(r.Force));
        Receive<MarketDataSubscribed>(s => _sourceCounters = s.SourceCounters);
        Receive<MarketDataCut>(c =>
        {
            // events after the cut are missed: as after a disconnect, until the snapshots the resubscription brings
            OnDisconnected(c.Reason);
            _hub.Tell(SubscribeMarketData.Instance);
        });
        Receive<TrackMarkets>(t => Track(t.Tickers));
        Receive<MarketsDiscovered>(d => Track(d.Markets.Select(m => m.Ticker).ToArray()));
        Receive<BookResyncRequested>(r =>
        {
            _resyncs++;
            TradingInstruments.RecordFeedResync();
            _current.Remove(r.Ticker); // not whole until its snapshot comes back
            _log.Info("{0}: book broke in its actor ({1}); asking for a snapshot", r.Ticker, r.Reason);
            _hub.Tell(new RequestMarketSnapshot(r.Ticker));
        });
        Receive<MeasureRate>(_ => MeasureRateNow());
        Receive<ConfirmBooks>(_ => ConfirmCurrentBooks());
        Receive<GetFeedState>(_ => Sender.Tell(View()));
        Receive<AwaitEventsReceived>(a => _eventWaiters.Add(a, Sender, _events));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private readonly Queue<FeedEvent> _heldForOdds = new();
    private Action? _onOddsReleased;

    /// <summary>Passes the event on, or holds it (and everything after it) while an odds answer received before it is open.</summary>
    private void Take(FeedEvent e)
    {
        if (_heldForOdds.Count > 0 || (e.ReceivedAtMs is { } at && _settings.OddsArrivals?.Holds(at) == true)) HoldForOdds(e);
        else OnEvent(e);
    }

    private void HoldForOdds(FeedEvent e)
    {
        if (_heldForOdds.Count == 0) Timers.StartSingleTimer(OddsHoldTimer, new OddsReleased(Force: true), _settings.MaxOddsHold);
        _heldForOdds.Enqueue(e);
    }

    /// <summary>Passes on the held events no open odds answer holds any more, in order (all of them when forced).</summary>
    private void ReleaseHeld(bool force)
    {
        if (force && _heldForOdds.Count > 0)
            _log.Warning("{0} market-data events held {1} s for an odds answer that was not applied: passed on", _heldForOdds.Count,
                _settings.MaxOddsHold.TotalSeconds);
        while (_heldForOdds.TryPeek(out var next)
               && (force || next.ReceivedAtMs is not { } at || _settings.OddsArrivals?.Holds(at) != true))
            OnEvent(_heldForOdds.Dequeue());
        if (_heldForOdds.Count == 0) Timers.Cancel(OddsHoldTimer);
        _eventWaiters.Reached(_events);
    }

    protected override void PostStop()
    {
        if (_onOddsReleased is not null && _settings.OddsArrivals is { } arrivals) arrivals.Released -= _onOddsReleased;
        base.PostStop();
    }

    protected override void PreStart()
    {
        if (_settings.OddsArrivals is { } arrivals)
        {
            var self = Self;
            _onOddsReleased = () => self.Tell(new OddsReleased(Force: false));
            arrivals.Released += _onOddsReleased;
        }
        _windowStartMs = NowMs();
        Timers.StartPeriodicTimer(RateTimer, MeasureRate.Instance, _settings.RateWindow);
        if (_settings.BookConfirmInterval is { } every && every > TimeSpan.Zero)
            Timers.StartPeriodicTimer(ConfirmTimer, ConfirmBooks.Instance, every);
        _hub.Tell(SubscribeMarketData.Instance);
    }

    private void Track(IReadOnlyList<string> tickers)
    {
        var added = tickers.Where(_tracked.Add).ToArray();
        foreach (var ticker in added) _known.Add(ticker);
        if (added.Length > 0) _hub.Tell(new TrackMarkets(added));
    }

    private void OnEvent(FeedEvent e)
    {
        _events++;
        TradingInstruments.RecordFeedEvent();
        var now = NowMs();
        _lastEventMs = now;
        // an event from a frame is timed by the frame's receive time (live and replay alike), not by when this actor runs
        var mapping = FeedEventMapper.Map(e, e.ReceivedAtMs ?? now, _sequencer);
        // Settlement is news for every order desk (P&L, payouts, the risk gate), not only for the market.
        if (e is MarketLifecycle { YesValue: { } yes } settled)
            SettlementNews.Publish(Context.System, new MarketSettled(settled.MarketTicker, yes, settled.TsMs ?? now));
        switch (mapping.Kind)
        {
            case FeedEventKind.Market:
                var message = mapping.Message!;
                if (message is BookSnapshotReceived s)
                {
                    _known.Add(s.Ticker);
                    _current.Add(s.Ticker);
                }
                else if (message is BookInvalidated g)
                {
                    _gaps++;
                    TradingInstruments.RecordFeedGap();
                    _current.Remove(g.Ticker);
                }
                _markets.Tell(message);
                _sent++;
                break;
            case FeedEventKind.Connected:
                _connected = true;
                if (++_connects > 1)
                {
                    TradingInstruments.RecordFeedReconnect();
                    // lifecycle events sent while we were away are not replayed: the desks' catch-ups ask the exchange
                    SettlementNews.PublishReconnected(Context.System, new FeedReconnected(now));
                }
                _connectedSinceMs = now;
                _log.Info("market-data feed connected; {0} markets tracked", _tracked.Count);
                break;
            case FeedEventKind.Disconnected:
                OnDisconnected(((FeedDisconnected)e).Reason);
                break;
            case FeedEventKind.Ignored:
                _ignored[(int)mapping.Ignored!.Value]++;
                break;
        }
    }

    /// <summary>Every book known to this feed waits for the next connection's snapshot.</summary>
    private void OnDisconnected(string reason)
    {
        var now = NowMs();
        _connected = false;
        _connectedSinceMs = null;
        _current.Clear();
        _disconnects++;
        TradingInstruments.RecordFeedDisconnect();
        _lastDisconnectMs = now;
        _lastDisconnectReason = reason;
        foreach (var ticker in _known) _markets.Tell(new BookInvalidated(ticker, BookInvalidation.Disconnect, now));
        _log.Warning("market-data feed disconnected ({0}); {1} books marked not whole", reason, _known.Count);
    }

    private void ConfirmCurrentBooks()
    {
        var now = NowMs();
        // while events wait for an odds answer, vouching now would run due evaluations before them
        if (_heldForOdds.Count > 0) return;
        if (!_connected || now - _lastEventMs > (long)_settings.ConfirmOnlyAfterEventWithin.TotalMilliseconds) return;
        foreach (var ticker in _current) _markets.Tell(new BookConfirmed(ticker, now));
    }

    private void MeasureRateNow()
    {
        var now = NowMs();
        var elapsed = now - _windowStartMs;
        if (elapsed <= 0) return;
        _rate = (_events - _windowStartEvents) * 1000.0 / elapsed;
        _windowStartEvents = _events;
        _windowStartMs = now;
    }

    private FeedStateView View()
    {
        var parse = _sourceCounters()?.Rejects ?? ImmutableDictionary<FeedRejectReason, long>.Empty;
        return new FeedStateView(_connected, _connectedSinceMs, _lastDisconnectMs, _lastDisconnectReason, _connects, _disconnects,
            _events, _rate, _sent, _gaps, _resyncs, _tracked.Count, CountsByReason.Of<FeedIgnoreReason>(_ignored), parse)
        {
            BooksAwaitingSnapshot = _tracked.Count(t => !_current.Contains(t)),
        };
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private const string OddsHoldTimer = "odds-hold";

    private sealed record OddsReleased(bool Force);

    private sealed class ConfirmBooks
    {
        public static readonly ConfirmBooks Instance = new();
    }

    private sealed class MeasureRate
    {
        public static readonly MeasureRate Instance = new();
    }
}
