using System.Collections.Immutable;
using Akka.Event;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.Market;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Actors.Venues.Paper;

/// <summary>
/// Keeps the paper venue's books (<see cref="IPaperBooks"/>) on the live market: takes the node's market data from its
/// <see cref="MarketDataHub"/> (back-pressured, each event acknowledged) and applies each event to the venue — snapshots and deltas renumbered per
/// market, gaps and disconnects invalidating books, public trades advancing paper queues, lifecycle events closing,
/// reopening and settling markets. Markets to follow come from discovery (<see cref="MarketsDiscovered"/>, which
/// also carries each market's price grid and fee rule) or <see cref="TrackMarkets"/>, subscribed through the hub. A failing
/// venue call is logged and counted per event. The hub runs the source again when it ends (this feed sees a disconnect).
/// </summary>
public sealed class PaperVenueFeed : ReceiveActor
{
    private readonly IActorRef _hub;
    private readonly IPaperBooks _venue;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly MarketSequencer _sequencer = new();
    private readonly HashSet<string> _tracked = new(StringComparer.Ordinal);
    // tracked plus every market a snapshot arrived for: the books a disconnect takes down
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _configured = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closedByDiscovery = new(StringComparer.Ordinal);
    // markets with a snapshot request outstanding: a broken book refuses every delta, one request is enough
    private readonly HashSet<string> _awaitingSnapshot = new(StringComparer.Ordinal);
    // "determined" may carry the result while "settled" does not
    private readonly Dictionary<string, Price> _results = new(StringComparer.Ordinal);
    private readonly long[] _skipped = new long[Enum.GetValues<PaperFeedSkipReason>().Length];
    private readonly Dictionary<BookUpdateResult, long> _refusals = [];

    private bool _connected;
    private long _received;
    private readonly EventCountWaiters _eventWaiters = new();
    private long _applied;
    private long _invalidations;
    private long _gaps;
    private long _snapshotRequests;
    private long _cuts;
    private long _venueFailures;

    /// <param name="hub">The node's <see cref="MarketDataHub"/> (on this member).</param>
    public static Props Props(IActorRef hub, IPaperBooks venue, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(venue);
        return Akka.Actor.Props.Create(() => new PaperVenueFeed(hub, venue, clock ?? TimeProvider.System));
    }

    public PaperVenueFeed(IActorRef hub, IPaperBooks venue, TimeProvider clock)
    {
        _hub = hub;
        _venue = venue;
        _clock = clock;

        Receive<FeedEvent>(e =>
        {
            OnEvent(e);
            Sender.Tell(MarketDataAck.Instance);
            _eventWaiters.Reached(_received);
        });
        Receive<FeedEventBatch>(b =>
        {
            foreach (var e in b.Events) OnEvent(e);
            Sender.Tell(new MarketDataAck(b.Count));
            _eventWaiters.Reached(_received);
        });
        Receive<MarketDataSubscribed>(_ => { });
        Receive<MarketDataCut>(OnCut);
        Receive<TrackMarkets>(t => Track(t.Tickers));
        Receive<MarketsDiscovered>(OnDiscovered);
        Receive<GetPaperFeedState>(_ => Sender.Tell(View()));
        Receive<AwaitEventsReceived>(a => _eventWaiters.Add(a, Sender, _received));
    }

    protected override void PreStart() => _hub.Tell(SubscribeMarketData.Instance);

    /// <summary>The hub dropped this feed: events after this are missed, books wait for the resubscription's snapshots.</summary>
    private void OnCut(MarketDataCut cut)
    {
        _connected = false;
        _cuts++;
        var failures = InvalidateAll();
        _log.Warning("paper feed: cut from the market data ({0}); {1} paper books marked not whole ({2} failed); subscribing again",
            cut.Reason, _known.Count - failures, failures);
        _hub.Tell(SubscribeMarketData.Instance);
    }

    // ---- markets to follow ----

    private void OnDiscovered(MarketsDiscovered discovered)
    {
        var now = NowMs();
        foreach (var market in discovered.Markets)
        {
            try
            {
                Configure(market, now);
            }
            catch (Exception ex)
            {
                _venueFailures++;
                _log.Error(ex, "paper feed: configuring {0} failed", market.Ticker);
            }
        }
        Track(discovered.Markets.Select(m => m.Ticker).ToArray());
    }

    private void Configure(MarketMetadata market, long nowMs)
    {
        if (TryRules(market, out var grid, out var fees))
        {
            _venue.ConfigureMarket(market.Ticker, grid, fees, market.FractionalTradingEnabled);
            _configured.Add(market.Ticker);
        }
        else
        {
            // never silent: the market keeps the venue defaults, and the count and the log say so
            Skip(PaperFeedSkipReason.InvalidMarketRules);
        }

        switch (market.Status)
        {
            case MarketTradingStatus.Paused or MarketTradingStatus.Closed or MarketTradingStatus.Settled:
                _venue.CloseMarket(market.Ticker, nowMs);
                _closedByDiscovery.Add(market.Ticker);
                break;
            case MarketTradingStatus.Open when _closedByDiscovery.Remove(market.Ticker):
                _venue.OpenMarket(market.Ticker);
                break;
        }
    }

    private bool TryRules(MarketMetadata market, out PriceGrid grid, out FeeSchedule fees)
    {
        try
        {
            grid = market.Grid;
            fees = market.Fees;
            return true;
        }
        catch (ArgumentException ex)
        {
            _log.Warning("paper feed: {0} has unusable price ranges or fee rule ({1}); venue defaults apply", market.Ticker, ex.Message);
            grid = PriceGrid.Cents;
            fees = default;
            return false;
        }
    }

    private void Track(IReadOnlyList<string> tickers)
    {
        var added = tickers.Where(_tracked.Add).ToArray();
        foreach (var ticker in added) _known.Add(ticker);
        if (added.Length > 0) _hub.Tell(new TrackMarkets(added));
    }

    // ---- events ----

    private void OnEvent(FeedEvent e)
    {
        _received++;
        try
        {
            Apply(e);
        }
        catch (Exception ex)
        {
            _venueFailures++;
            _log.Error(ex, "paper feed: applying {0} to the paper venue failed; event skipped", e.GetType().Name);
        }
    }

    private void Apply(FeedEvent e)
    {
        switch (e)
        {
            case BookSnapshot s:
                OnSnapshot(s);
                break;
            case BookDelta d:
                OnDelta(d);
                break;
            case BookGap g:
                _venue.InvalidateBook(g.MarketTicker);
                _invalidations++;
                _gaps++;
                _applied++;
                RequestSnapshot(g.MarketTicker);
                break;
            case TradePrint t:
                OnTrade(t);
                break;
            case MarketLifecycle l:
                OnLifecycle(l);
                break;
            case FeedConnected:
                _connected = true;
                _applied++;
                _log.Info("paper feed: market data connected; {0} markets followed", _known.Count);
                break;
            case FeedDisconnected d:
                _connected = false;
                var failures = InvalidateAll();
                if (failures == 0) _applied++;
                else _venueFailures++;
                _log.Warning("paper feed: market data disconnected ({0}); {1} paper books marked not whole", d.Reason, _known.Count - failures);
                break;
            case TickerUpdate:
                Skip(PaperFeedSkipReason.TickerSummary);
                break;
            case FillReport or UserOrderUpdate or MarketPositionUpdate:
                Skip(PaperFeedSkipReason.AccountEvent);
                break;
            default:
                Skip(PaperFeedSkipReason.Control);
                break;
        }
    }

    private void OnSnapshot(BookSnapshot s)
    {
        var ticker = s.MarketTicker;
        var seq = _sequencer.Snapshot(ticker);
        var yes = s.YesBids.IsDefault ? [] : s.YesBids.AsSpan();
        var no = s.NoBids.IsDefault ? [] : s.NoBids.AsSpan();
        var result = _venue.ApplySnapshot(ticker, seq, yes, no);
        // known only once the venue took the ticker: a malformed one must not poison every later disconnect
        _known.Add(ticker);
        if (result == BookUpdateResult.Applied)
        {
            _awaitingSnapshot.Remove(ticker);
            _applied++;
        }
        else Refused(ticker, result);
    }

    private void OnDelta(BookDelta d)
    {
        var result = _venue.ApplyDelta(d.MarketTicker, _sequencer.NextDelta(d.MarketTicker), d.Side, d.Price, d.Delta);
        if (result == BookUpdateResult.Applied) _applied++;
        else Refused(d.MarketTicker, result);
    }

    /// <summary>The paper book refused an update: it is not whole until a fresh snapshot replaces it.</summary>
    private void Refused(string ticker, BookUpdateResult result)
    {
        _refusals[result] = _refusals.GetValueOrDefault(result) + 1;
        _venue.InvalidateBook(ticker);
        _invalidations++;
        RequestSnapshot(ticker);
    }

    private void RequestSnapshot(string ticker)
    {
        if (!_awaitingSnapshot.Add(ticker)) return;
        _hub.Tell(new RequestMarketSnapshot(ticker));
        _snapshotRequests++;
        _log.Info("paper feed: {0} book not whole; snapshot requested", ticker);
    }

    private void OnTrade(TradePrint t)
    {
        // an unknown taker side arrives as none (the parser counted it): either way the queue cannot tell which bids it hit
        if (t.TakerSide is not { } taker)
        {
            Skip(PaperFeedSkipReason.TradeWithoutTakerSide);
            return;
        }
        _venue.ApplyTrade(t.MarketTicker, t.YesPrice, t.Count, taker, t.TsMs ?? NowMs());
        _applied++;
    }

    private void OnLifecycle(MarketLifecycle l)
    {
        var ticker = l.MarketTicker;
        var at = l.TsMs ?? NowMs();
        switch (l.EventType)
        {
            case LifecycleEventType.Activated:
                _venue.OpenMarket(ticker);
                _applied++;
                break;
            case LifecycleEventType.Deactivated:
                _venue.CloseMarket(ticker, at);
                _applied++;
                break;
            case LifecycleEventType.Determined:
                if (l.Result.YesValue() is { } determined) _results[ticker] = determined;
                _venue.CloseMarket(ticker, at);
                _applied++;
                break;
            case LifecycleEventType.Settled:
                var value = l.Result.YesValue() ?? (_results.TryGetValue(ticker, out var known) ? known : null);
                if (value is null)
                {
                    _venue.CloseMarket(ticker, at);
                    Skip(PaperFeedSkipReason.SettlementValueUnknown);
                    _log.Warning("paper feed: {0} settled with result '{1}' and no yes/no value; closed, not paid out", ticker, l.Result);
                    return;
                }
                var paid = _venue.SettleMarket(ticker, value.Value, at);
                _results.Remove(ticker);
                _applied++;
                _log.Info("paper feed: {0} settled at YES = {1}; paid {2}", ticker, value.Value.ToWire(), paid.ToWire());
                break;
            default:
                Skip(PaperFeedSkipReason.LifecycleWithoutEffect);
                break;
        }
    }

    /// <summary>Every followed book waits for the next connection's snapshot. Returns the venue calls that threw.</summary>
    private int InvalidateAll()
    {
        // a new connection re-subscribes and snapshots everything: earlier requests are moot
        _awaitingSnapshot.Clear();
        var failures = 0;
        foreach (var ticker in _known)
        {
            try
            {
                _venue.InvalidateBook(ticker);
                _invalidations++;
            }
            catch (Exception ex)
            {
                failures++;
                _log.Error(ex, "paper feed: invalidating {0} failed", ticker);
            }
        }
        return failures;
    }

    private void Skip(PaperFeedSkipReason reason) => _skipped[(int)reason]++;

    private PaperFeedState View()
    {
        return new PaperFeedState(_connected, _received, _applied, [.. _known.Order(StringComparer.Ordinal)], _configured.Count,
            _invalidations, _gaps, _snapshotRequests, _cuts, _venueFailures, _refusals.ToImmutableDictionary(), CountsByReason.Of<PaperFeedSkipReason>(_skipped));
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();
}
