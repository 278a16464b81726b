namespace KalshiArb.Kalshi.Feed;

/// <summary>Thrown inside a connection to force a reconnect (and with it a full resubscribe and fresh snapshots).</summary>
public sealed class FeedResyncRequiredException(string reason) : Exception(reason);

/// <summary>
/// The per-connection state machine: sends subscribe/update commands, tracks seq per sid, turns gaps into
/// BookGap + get_snapshot, handles command errors, filters foreign series. Synchronous and socket-free
/// (commands leave through <c>send</c>) so it can be tested directly. Thread-safe: frames arrive on the
/// stream's thread while subscription changes come from callers.
/// </summary>
internal sealed class FeedSession
{
    private sealed class SidState(string channel, bool isBook, IEnumerable<string> markets)
    {
        public string Channel { get; } = channel;
        public bool IsBook { get; } = isBook;
        public HashSet<string> Markets { get; } = new(markets, StringComparer.Ordinal);
        public long LastSeq { get; set; } = -1;
    }

    private sealed record Pending(Func<long, string> Build, bool IsSubscribe, bool IsMarket, IReadOnlyList<string> Markets, bool IsSnapshotRequest = false);

    private const string BookChannel = "orderbook_delta";

    private readonly Lock _gate = new();
    private readonly KalshiFeedOptions _options;
    private readonly FeedCounters _counters;
    private readonly Action<string> _send;
    private readonly Action<TimeSpan, Action> _schedule;
    private readonly TimeProvider _clock;
    private readonly FeedFrameParser _parser = new();
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _series;
    private readonly HashSet<string> _desired;
    private readonly Dictionary<long, Pending> _pending = new();
    private readonly Dictionary<long, SidState> _sids = new();
    private TimeSpan _tooManyWait;
    private long _nextId;
    private bool _marketSubscribePending;

    public FeedSession(KalshiFeedOptions options, IEnumerable<string> desiredMarkets, FeedCounters counters, Action<string> send,
        Action<TimeSpan, Action> schedule, TimeProvider clock)
    {
        _options = options;
        _counters = counters;
        _send = send;
        _schedule = schedule;
        _clock = clock;
        _series = new HashSet<string>(options.Series, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _desired = new HashSet<string>(desiredMarkets.Where(IsAllowed), StringComparer.Ordinal);
        _tooManyWait = options.TooManyRequestsBackoff;
    }

    /// <summary>A ticker we may subscribe: well formed (never a corrupted one) and of a configured series.</summary>
    public bool IsAllowed(string ticker) =>
        MarketTickerGrammar.IsValid(ticker) && _series.Contains(TickerParts.SeriesOf(ticker.AsSpan()));

    /// <summary>Sends the initial subscriptions; returns the FeedConnected event.</summary>
    public FeedConnected OnConnected()
    {
        lock (_gate)
        {
            if (_options.MarketChannels.Count > 0 && _desired.Count > 0) SubscribeMarkets(_desired.ToArray());
            if (_options.AccountChannels.Count > 0)
            {
                var channels = _options.AccountChannels.ToArray();
                SendTracked(new Pending(id => FeedCommands.Subscribe(id, channels, null), IsSubscribe: true, IsMarket: false, []));
            }
        }
        _counters.Connected();
        return new FeedConnected(_clock.GetUtcNow());
    }

    public void AddMarkets(IEnumerable<string> tickers)
    {
        lock (_gate)
        {
            var added = tickers.Where(t => IsAllowed(t) && _desired.Add(t)).ToArray();
            if (added.Length == 0 || _options.MarketChannels.Count == 0) return;
            var marketSids = _sids.Where(kv => IsMarketChannel(kv.Value.Channel)).ToArray();
            if (marketSids.Length == 0)
            {
                // nothing confirmed yet: a pending subscribe is reconciled on confirmation
                if (!_marketSubscribePending) SubscribeMarkets(added);
                return;
            }
            foreach (var (sid, st) in marketSids)
            {
                foreach (var t in added) st.Markets.Add(t);
                UpdateSubscription(sid, "add_markets", added);
            }
        }
    }

    public void RemoveMarkets(IEnumerable<string> tickers)
    {
        lock (_gate)
        {
            var removed = tickers.Where(t => _desired.Remove(t)).ToArray();
            if (removed.Length == 0) return;
            foreach (var (sid, st) in _sids.Where(kv => IsMarketChannel(kv.Value.Channel)).ToArray())
            {
                foreach (var t in removed) st.Markets.Remove(t);
                UpdateSubscription(sid, "delete_markets", removed);
            }
        }
    }

    public void ListSubscriptions()
    {
        lock (_gate) SendTracked(new Pending(FeedCommands.ListSubscriptions, IsSubscribe: false, IsMarket: false, []));
    }

    /// <summary>As <see cref="OnFrame(ReadOnlySpan{byte}, List{FeedEvent})"/>, each event stamped with the frame's receive time.</summary>
    public void OnFrame(ReadOnlySpan<byte> frame, long receivedAtMs, List<FeedEvent> output)
    {
        var first = output.Count;
        try
        {
            OnFrame(frame, output);
        }
        finally
        {
            // the events are this frame's own (just parsed): stamping them in place costs no copy on the hot path
            for (var i = first; i < output.Count; i++) output[i].ReceivedAtMs = receivedAtMs;
        }
    }

    /// <summary>Parses one frame and appends what downstream should see; rejects are counted.</summary>
    public void OnFrame(ReadOnlySpan<byte> frame, List<FeedEvent> output)
    {
        _counters.Frame();
        if (frame.Length > _options.MaxFrameBytes)
        {
            _counters.Reject(FeedRejectReason.FrameTooLarge);
            return;
        }
        var parsed = _parser.ParseFrame(frame);
        if (parsed.Event is not { } e)
        {
            _counters.Reject(parsed.Reason);
            return;
        }
        // a kept event with one field read as unknown (e.g. a taker side we do not know) is counted too
        if (parsed.Reason != FeedRejectReason.None) _counters.Reject(parsed.Reason);
        lock (_gate)
        {
            switch (e)
            {
                case SubscriptionConfirmed c:
                    OnSubscribed(c);
                    output.Add(c);
                    break;
                case FeedCommandError err:
                    output.Add(err);
                    OnCommandError(err, output);
                    break;
                case SubscriptionEnded ended:
                    _sids.Remove(ended.Sid);
                    output.Add(ended);
                    break;
                case CommandAcknowledged ack:
                    if (ack.CommandId is { } ackId) _pending.Remove(ackId);
                    output.Add(ack);
                    break;
                case BookSnapshot s:
                    if (!Admit(s.MarketTicker)) return;
                    if (!CheckSeq(s.Sid, s.Seq, s.MarketTicker, isSnapshot: true, output)) return;
                    output.Add(s);
                    break;
                case BookDelta d:
                    if (!Admit(d.MarketTicker)) return;
                    if (!CheckSeq(d.Sid, d.Seq, d.MarketTicker, isSnapshot: false, output)) return;
                    output.Add(d);
                    break;
                case TickerUpdate t when !Admit(t.MarketTicker):
                case TradePrint tp when !Admit(tp.MarketTicker):
                case FillReport f when !Admit(f.MarketTicker):
                case UserOrderUpdate u when !Admit(u.MarketTicker):
                case MarketPositionUpdate p when !Admit(p.MarketTicker):
                case MarketLifecycle l when !Admit(l.MarketTicker):
                    return;
                default:
                    output.Add(e);
                    break;
            }
        }
    }

    private bool Admit(string ticker)
    {
        if (_series.Contains(TickerParts.SeriesOf(ticker.AsSpan()))) return true;
        _counters.Reject(FeedRejectReason.ForeignSeries);
        return false;
    }

    private bool IsMarketChannel(string channel)
    {
        foreach (var c in _options.MarketChannels)
            if (c == channel) return true;
        return false;
    }

    /// <summary>
    /// seq counts per sid across all its markets, so a missing number may have belonged to any of them:
    /// every book on the sid is marked (BookGap) and re-snapshotted, except the market a snapshot just made whole.
    /// </summary>
    private bool CheckSeq(long sid, long seq, string ticker, bool isSnapshot, List<FeedEvent> output)
    {
        if (!_sids.TryGetValue(sid, out var st))
        {
            st = new SidState(BookChannel, isBook: true, [ticker]);
            _sids[sid] = st;
        }
        st.Markets.Add(ticker);
        if (st.LastSeq >= 0)
        {
            if (seq <= st.LastSeq)
            {
                _counters.Reject(FeedRejectReason.StaleSeq);
                return false;
            }
            if (seq != st.LastSeq + 1)
            {
                var expected = st.LastSeq + 1;
                st.LastSeq = seq;
                var broken = st.Markets.Where(m => !(isSnapshot && m == ticker)).ToArray();
                foreach (var m in broken)
                {
                    output.Add(new BookGap(m, sid, expected, seq));
                    _counters.Gap();
                }
                if (broken.Length > 0) UpdateSubscription(sid, "get_snapshot", broken);
                // a delta on a broken book is useless; a snapshot is whole by itself
                return isSnapshot;
            }
        }
        st.LastSeq = seq;
        return true;
    }

    private void OnSubscribed(SubscriptionConfirmed c)
    {
        _pending.TryGetValue(c.CommandId, out var p);
        var isMarket = p?.IsMarket ?? IsMarketChannel(c.Channel);
        // book frames may have created the sid already: keep its seq position
        if (!_sids.TryGetValue(c.Sid, out var st))
        {
            st = new SidState(c.Channel, c.Channel == BookChannel, p?.Markets ?? []);
            _sids[c.Sid] = st;
        }
        else if (p is not null) foreach (var m in p.Markets) st.Markets.Add(m);
        if (!isMarket) return;
        _marketSubscribePending = false;
        // markets added or removed while the subscribe was in flight
        var add = _desired.Where(m => !st.Markets.Contains(m)).ToArray();
        var drop = st.Markets.Where(m => !_desired.Contains(m)).ToArray();
        foreach (var m in add) st.Markets.Add(m);
        foreach (var m in drop) st.Markets.Remove(m);
        if (add.Length > 0) UpdateSubscription(c.Sid, "add_markets", add);
        if (drop.Length > 0) UpdateSubscription(c.Sid, "delete_markets", drop);
    }

    private void OnCommandError(FeedCommandError err, List<FeedEvent> output)
    {
        Pending? p = null;
        if (err.CommandId is { } id && _pending.Remove(id, out var found)) p = found;
        if (err.IsTooManyRequests && p is not null)
        {
            var wait = _tooManyWait;
            _tooManyWait = TimeSpan.FromTicks(Math.Min(_tooManyWait.Ticks * 2, _options.MaxBackoff.Ticks));
            _schedule(wait, () =>
            {
                lock (_gate) SendTracked(p);
            });
            return;
        }
        // a refused snapshot request would leave books not whole forever: resync by reconnecting
        if (p is { IsSnapshotRequest: true }) throw new FeedResyncRequiredException($"get_snapshot refused: {err.Code} {err.Message}");
        if (!err.IsTerminal) return;
        if (p is null || !p.IsSubscribe)
            throw new FeedResyncRequiredException($"terminal feed error {err.Code}: {err.Message}");
        // the subscription died: its books are not whole; subscribe again (fresh sids, fresh snapshots)
        foreach (var (sid, st) in _sids.Where(kv => kv.Value.IsBook).ToArray())
        {
            foreach (var m in st.Markets) output.Add(new BookGap(m, sid, st.LastSeq + 1, st.LastSeq + 1));
            _sids.Remove(sid);
        }
        if (p.IsMarket) SubscribeMarkets(_desired.ToArray());
        else SendTracked(p);
    }

    private void SubscribeMarkets(string[] markets)
    {
        var channels = _options.MarketChannels.ToArray();
        _marketSubscribePending = true;
        SendTracked(new Pending(id => FeedCommands.Subscribe(id, channels, markets), IsSubscribe: true, IsMarket: true, markets));
    }

    private void UpdateSubscription(long sid, string action, string[] markets) =>
        SendTracked(new Pending(id => FeedCommands.UpdateSubscription(id, sid, action, markets), IsSubscribe: false, IsMarket: true, markets,
            IsSnapshotRequest: action == "get_snapshot"));

    private void SendTracked(Pending p)
    {
        var id = ++_nextId;
        _pending[id] = p;
        _send(p.Build(id));
    }
}
