namespace KalshiArb.Kalshi.Tests.Feed;

public sealed class FeedSessionTests
{
    private const string Phi = "KXNFLGAME-26SEP20PHITEN-PHI";
    private const string Ten = "KXNFLGAME-26SEP20PHITEN-TEN";

    private readonly List<string> _sent = [];
    private readonly List<(TimeSpan Delay, Action Action)> _scheduled = [];
    private readonly FeedCounters _counters = new();

    private FeedSession NewSession(IEnumerable<string>? markets = null, KalshiFeedOptions? options = null) =>
        new(options ?? new KalshiFeedOptions(), markets ?? [Phi, Ten], _counters, _sent.Add, (d, a) => _scheduled.Add((d, a)), TimeProvider.System);

    private static List<FeedEvent> Feed(FeedSession s, params string[] frames)
    {
        var output = new List<FeedEvent>();
        foreach (var f in frames) s.OnFrame(Encoding.UTF8.GetBytes(f), output);
        return output;
    }

    private static JsonElement Cmd(string json) => JsonDocument.Parse(json).RootElement;

    private static string Snapshot(string ticker, long sid, long seq) =>
        $$$"""{"type":"orderbook_snapshot","sid":{{{sid}}},"seq":{{{seq}}},"msg":{"market_ticker":"{{{ticker}}}","yes_dollars_fp":[["0.4700","3.00"]],"no_dollars_fp":[]}}""";

    private static string Delta(string ticker, long sid, long seq) =>
        $$$"""{"type":"orderbook_delta","sid":{{{sid}}},"seq":{{{seq}}},"msg":{"market_ticker":"{{{ticker}}}","price_dollars":"0.4700","delta_fp":"1.00","side":"yes"}}""";

    [Fact]
    public void Connect_subscribes_market_channels_with_incrementing_ids()
    {
        var s = NewSession(options: new KalshiFeedOptions { AccountChannels = ["fill", "user_orders"] });
        s.OnConnected();

        Assert.Equal(2, _sent.Count);
        var market = Cmd(_sent[0]);
        Assert.Equal(1, market.GetProperty("id").GetInt64());
        Assert.Equal("subscribe", market.GetProperty("cmd").GetString());
        Assert.Equal(["orderbook_delta", "ticker", "trade", "market_lifecycle_v2"],
            market.GetProperty("params").GetProperty("channels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, market.GetProperty("params").GetProperty("market_tickers").GetArrayLength());
        var account = Cmd(_sent[1]);
        Assert.Equal(2, account.GetProperty("id").GetInt64());
        Assert.False(account.GetProperty("params").TryGetProperty("market_tickers", out _));
    }

    [Fact]
    public void Seq_gap_marks_every_book_of_the_sid_and_asks_for_snapshots()
    {
        var s = NewSession();
        s.OnConnected();
        var events = Feed(s,
            """{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":1}}""",
            Snapshot(Phi, 1, 1), Snapshot(Ten, 1, 2), Delta(Phi, 1, 3), Delta(Phi, 1, 5));

        Assert.Equal(2, events.OfType<BookSnapshot>().Count());
        Assert.Equal([3L], events.OfType<BookDelta>().Select(d => d.Seq));
        var gaps = events.OfType<BookGap>().ToArray();
        Assert.Equal([Phi, Ten], gaps.Select(g => g.MarketTicker).Order());
        Assert.All(gaps, g => Assert.Equal((4L, 5L), (g.ExpectedSeq, g.ReceivedSeq)));
        Assert.DoesNotContain(events, e => e is BookDelta { Seq: 5 });
        var snapshotCmd = Cmd(_sent[^1]);
        Assert.Equal("update_subscription", snapshotCmd.GetProperty("cmd").GetString());
        var p = snapshotCmd.GetProperty("params");
        Assert.Equal("get_snapshot", p.GetProperty("action").GetString());
        Assert.Equal(1, p.GetProperty("sid").GetInt64());
        Assert.Equal(2, p.GetProperty("market_tickers").GetArrayLength());
        Assert.Equal(2, _counters.Snapshot().Gaps);

        // the resync snapshots continue the sequence and pass
        var after = Feed(s, Snapshot(Phi, 1, 6), Snapshot(Ten, 1, 7), Delta(Ten, 1, 8));
        Assert.Equal(3, after.Count);
        Assert.DoesNotContain(after, e => e is BookGap);
    }

    [Fact]
    public void Duplicate_seq_is_dropped_and_counted()
    {
        var s = NewSession();
        var events = Feed(s, Snapshot(Phi, 1, 1), Delta(Phi, 1, 2), Delta(Phi, 1, 2));
        Assert.Equal(2, events.Count);
        Assert.Equal(1, _counters.Rejected(FeedRejectReason.StaleSeq));
    }

    [Fact]
    public void Foreign_series_are_rejected_and_counted()
    {
        var s = NewSession();
        var events = Feed(s,
            Snapshot("KXNFLSPREAD-26SEP20PHITEN-PHI3", 1, 1),
            """{"type":"trade","sid":2,"msg":{"trade_id":"t","market_ticker":"KXNFLGAMEX-1-A","yes_price_dollars":"0.5","count_fp":"1.00"}}""",
            """{"type":"trade","sid":2,"msg":{"trade_id":"t","market_ticker":"KXNFL-1-A","yes_price_dollars":"0.5","count_fp":"1.00"}}""",
            """{"type":"trade","sid":2,"msg":{"trade_id":"t","market_ticker":"KXNBAGAME-26OCT01BOSNYK-BOS","yes_price_dollars":"0.5","count_fp":"1.00"}}""");
        Assert.Single(events);
        Assert.Equal(3, _counters.Rejected(FeedRejectReason.ForeignSeries));
    }

    [Fact]
    public void Malformed_frames_are_counted_per_reason_and_skipped()
    {
        var s = NewSession();
        var events = Feed(s, "{oops", """{"type":"mystery","sid":1,"msg":{}}""", """{"type":"orderbook_delta","sid":1,"seq":1,"msg":{"market_ticker":"KXNFLGAME-A-B","price_dollars":"2.00","delta_fp":"1.00","side":"yes"}}""",
            Snapshot(Phi, 1, 1));
        Assert.Single(events);
        var snap = _counters.Snapshot();
        Assert.Equal(1, snap.Rejected(FeedRejectReason.InvalidJson));
        Assert.Equal(1, snap.Rejected(FeedRejectReason.UnknownType));
        Assert.Equal(1, snap.Rejected(FeedRejectReason.InvalidPrice));
        Assert.Equal(4, snap.Frames);
    }

    [Fact]
    public void A_trade_with_an_unknown_taker_side_is_passed_on_without_a_side_and_counted()
    {
        var s = NewSession();
        var events = Feed(s,
            $$$"""{"type":"trade","sid":2,"msg":{"trade_id":"t-1","market_ticker":"{{{Phi}}}","yes_price_dollars":"0.5","count_fp":"1.00","taker_side":"maybe"}}""",
            $$$"""{"type":"market_lifecycle_v2","sid":3,"msg":{"market_ticker":"{{{Phi}}}","event_type":"settled","result":"void"}}""");
        Assert.Null(Assert.IsType<TradePrint>(events[0]).TakerSide);
        Assert.Equal(MarketResult.Unknown, Assert.IsType<MarketLifecycle>(events[1]).Result);
        Assert.Equal(1, _counters.Rejected(FeedRejectReason.UnknownTakerSide));
        Assert.Equal(1, _counters.Rejected(FeedRejectReason.UnknownResult));
    }

    [Fact]
    public void Terminal_error_on_subscription_resubscribes_and_marks_books()
    {
        var s = NewSession();
        s.OnConnected();
        var events = Feed(s, """{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":1}}""", Snapshot(Phi, 1, 1),
            """{"type":"error","id":1,"msg":{"code":17,"msg":"Internal error"}}""");

        Assert.Contains(events, e => e is FeedCommandError { Code: 17 });
        Assert.Contains(events, e => e is BookGap g && g.MarketTicker == Phi);
        var resub = Cmd(_sent[^1]);
        Assert.Equal("subscribe", resub.GetProperty("cmd").GetString());
        Assert.True(resub.GetProperty("id").GetInt64() > 1);
    }

    [Fact]
    public void Terminal_error_without_known_command_forces_a_resync()
    {
        var s = NewSession();
        Assert.Throws<FeedResyncRequiredException>(() => Feed(s, """{"type":"error","msg":{"code":25,"msg":"Buffer overflow"}}"""));
    }

    [Fact]
    public void Too_many_requests_resends_the_command_after_a_growing_backoff()
    {
        var s = NewSession();
        s.OnConnected();
        Feed(s, """{"type":"error","id":1,"msg":{"code":27,"msg":"Too many requests"}}""");
        Assert.Single(_scheduled);
        Assert.Equal(TimeSpan.FromSeconds(1), _scheduled[0].Delay);
        _scheduled[0].Action();
        var resent = Cmd(_sent[^1]);
        Assert.Equal("subscribe", resent.GetProperty("cmd").GetString());
        Assert.Equal(2, resent.GetProperty("id").GetInt64());
        Feed(s, """{"type":"error","id":2,"msg":{"code":27,"msg":"Too many requests"}}""");
        Assert.Equal(TimeSpan.FromSeconds(2), _scheduled[1].Delay);
    }

    [Fact]
    public void Runtime_market_changes_update_every_market_sid()
    {
        var s = NewSession([Phi]);
        s.OnConnected();
        Feed(s, """{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":1}}""",
            """{"type":"subscribed","id":1,"msg":{"channel":"trade","sid":2}}""");
        _sent.Clear();

        s.AddMarkets([Ten, "KXNFLSPREAD-X-Y"]);
        s.RemoveMarkets([Phi]);

        var cmds = _sent.Select(Cmd).ToArray();
        Assert.Equal(4, cmds.Length);
        Assert.Equal(2, cmds.Count(c => c.GetProperty("params").GetProperty("action").GetString() == "add_markets"));
        Assert.Equal(2, cmds.Count(c => c.GetProperty("params").GetProperty("action").GetString() == "delete_markets"));
        Assert.All(cmds.Where(c => c.GetProperty("params").GetProperty("action").GetString() == "add_markets"),
            c => Assert.Equal([Ten], c.GetProperty("params").GetProperty("market_tickers").EnumerateArray().Select(e => e.GetString())));
        Assert.Equal([1L, 2L], cmds.Select(c => c.GetProperty("params").GetProperty("sid").GetInt64()).Distinct().Order());
    }

    [Fact]
    public void Markets_added_before_confirmation_are_reconciled_on_subscribed()
    {
        var s = NewSession([Phi]);
        s.OnConnected();
        s.AddMarkets([Ten]);
        Assert.Single(_sent); // still only the subscribe: the sid is not known yet
        Feed(s, """{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":9}}""");
        var add = Cmd(_sent[^1]).GetProperty("params");
        Assert.Equal("add_markets", add.GetProperty("action").GetString());
        Assert.Equal(9, add.GetProperty("sid").GetInt64());
    }

    [Fact]
    public void Refused_snapshot_request_forces_a_resync()
    {
        var s = NewSession();
        s.OnConnected();
        Feed(s, """{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":1}}""", Snapshot(Phi, 1, 1), Delta(Phi, 1, 3));
        var request = Cmd(_sent[^1]);
        Assert.Equal("get_snapshot", request.GetProperty("params").GetProperty("action").GetString());
        var id = request.GetProperty("id").GetInt64();
        Assert.Throws<FeedResyncRequiredException>(() => Feed(s, $$$"""{"type":"error","id":{{{id}}},"msg":{"code":12,"msg":"Exactly one sid required"}}"""));
    }

    [Fact]
    public void A_frame_over_the_limit_is_refused_unread()
    {
        var s = NewSession(options: new KalshiFeedOptions { MaxFrameBytes = 100 });
        s.OnConnected();
        var snapshot = Snapshot(Phi, 1, 1);
        Assert.True(Encoding.UTF8.GetByteCount(snapshot) > 100);
        Assert.Empty(Feed(s, snapshot));
        Assert.Equal(1, _counters.Rejected(FeedRejectReason.FrameTooLarge));
        Assert.Equal(1, _counters.Snapshot().TotalRejected);
    }

    [Fact]
    public void A_malformed_ticker_is_never_subscribed_nor_asked_for_a_snapshot()
    {
        var s = NewSession(markets: [Phi, "KXNFLGAME-26SEP20PHITEN-ph\u00ff", "KXNFLGAME"]);
        s.OnConnected();
        var tickers = Cmd(_sent.Single()).GetProperty("params").GetProperty("market_tickers").EnumerateArray().Select(e => e.GetString());
        Assert.Equal([Phi], tickers);
        Assert.False(s.IsAllowed("KXNFLGAME-26SEP20PHITEN-TE N"));

        Feed(s, """{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":1}}""", Snapshot(Phi, 1, 1),
            Snapshot("KXNFLGAME-26SEP20PHITEN-te", 1, 2), Delta(Phi, 1, 4));
        s.AddMarkets(["KXNFLGAME-26SEP20PHITEN-\t"]);
        // the gap at seq 4 asks for Phi only: the refused frame never joined the subscription's markets
        var snap = Cmd(_sent.Last());
        Assert.Equal("get_snapshot", snap.GetProperty("params").GetProperty("action").GetString());
        Assert.Equal([Phi], snap.GetProperty("params").GetProperty("market_tickers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, _counters.Rejected(FeedRejectReason.InvalidTicker));
    }
}
