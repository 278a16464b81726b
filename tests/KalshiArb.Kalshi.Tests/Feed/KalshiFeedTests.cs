using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using KalshiArb.Kalshi.Tests.Fakes;

namespace KalshiArb.Kalshi.Tests.Feed;

public sealed class KalshiFeedTests : IAsyncLifetime
{
    private const string Phi = "KXNFLGAME-26SEP20PHITEN-PHI";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly RSA _key = RSA.Create(2048);
    private readonly ActorSystem _system = ActorSystem.Create("feed-tests", "akka.loglevel = WARNING");
    private readonly List<FakeKalshiWsServer> _servers = [];
    private KalshiSigner? _signer;

    public Task InitializeAsync()
    {
        _signer = KalshiSigner.FromPem("key-ws", _key.ExportPkcs8PrivateKeyPem());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _system.Terminate();
        foreach (var s in _servers) await s.DisposeAsync();
        _signer?.Dispose();
        _key.Dispose();
    }

    private async Task<FakeKalshiWsServer> Server(Func<WsConnection, FakeKalshiWsServer, Task> script)
    {
        var s = await FakeKalshiWsServer.StartAsync(_key, script);
        _servers.Add(s);
        return s;
    }

    private KalshiFeed NewFeed(FakeKalshiWsServer server, Func<KalshiFeedOptions, KalshiFeedOptions>? tune = null)
    {
        var options = new KalshiFeedOptions
        {
            Url = server.Url,
            InitialMarkets = [Phi],
            MarketChannels = ["orderbook_delta"],
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(500),
            SilenceTimeout = TimeSpan.FromSeconds(10),
        };
        return new KalshiFeed(tune is null ? options : tune(options), _signer);
    }

    private static string Snapshot(long sid, long seq) =>
        $$$"""{"type":"orderbook_snapshot","sid":{{{sid}}},"seq":{{{seq}}},"msg":{"market_ticker":"{{{Phi}}}","yes_dollars_fp":[["0.4700","3.00"]],"no_dollars_fp":[["0.5100","2.00"]]}}""";

    private static string Delta(long sid, long seq) =>
        $$$"""{"type":"orderbook_delta","sid":{{{sid}}},"seq":{{{seq}}},"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.4700","delta_fp":"1.00","side":"yes","ts_ms":1}}""";

    private static async Task<long> AnswerSubscribe(WsConnection c, FakeKalshiWsServer s, long sid)
    {
        var cmd = await s.NextCommandAsync(c);
        var id = JsonDocument.Parse(cmd!).RootElement.GetProperty("id").GetInt64();
        await c.SendAsync($$$"""{"type":"subscribed","id":{{{id}}},"msg":{"channel":"orderbook_delta","sid":{{{sid}}}}}""");
        return id;
    }

    private async Task<IReadOnlyList<FeedEvent>> Collect(KalshiFeed feed, int count) =>
        await feed.Source().Take(count).RunWith(Sink.Seq<FeedEvent>(), _system.Materializer());

    [Fact]
    public async Task Subscribe_snapshot_deltas_then_gap_requests_snapshot()
    {
        var snapshotRequested = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await Server(async (c, s) =>
        {
            await AnswerSubscribe(c, s, sid: 3);
            await c.SendAsync(Snapshot(3, 1));
            await c.SendAsync(Delta(3, 2));
            await c.SendAsync(Delta(3, 4)); // seq 3 lost
            var cmd = await s.NextCommandAsync(c);
            snapshotRequested.TrySetResult(cmd ?? "");
            await c.SendAsync(Snapshot(3, 5));
            await c.DrainAsync();
        });
        var feed = NewFeed(server);

        var events = (await Collect(feed, 6).WaitAsync(Patience));

        Assert.IsType<FeedConnected>(events[0]);
        Assert.Equal(3, Assert.IsType<SubscriptionConfirmed>(events[1]).Sid);
        Assert.Equal(1, Assert.IsType<BookSnapshot>(events[2]).Seq);
        Assert.Equal(2, Assert.IsType<BookDelta>(events[3]).Seq);
        var gap = Assert.IsType<BookGap>(events[4]);
        Assert.Equal((Phi, 3L, 4L), (gap.MarketTicker, gap.ExpectedSeq, gap.ReceivedSeq));
        Assert.Equal(5, Assert.IsType<BookSnapshot>(events[5]).Seq);

        var subscribe = JsonDocument.Parse(server.Commands.First()).RootElement;
        Assert.Equal("subscribe", subscribe.GetProperty("cmd").GetString());
        Assert.Equal([Phi], subscribe.GetProperty("params").GetProperty("market_tickers").EnumerateArray().Select(e => e.GetString()));
        var request = JsonDocument.Parse(await snapshotRequested.Task.WaitAsync(Patience)).RootElement;
        Assert.Equal("update_subscription", request.GetProperty("cmd").GetString());
        Assert.Equal("get_snapshot", request.GetProperty("params").GetProperty("action").GetString());
        Assert.Equal(3, request.GetProperty("params").GetProperty("sid").GetInt64());
        Assert.Equal(0, server.RejectedHandshakes);
    }

    [Fact]
    public async Task Server_drop_reconnects_resubscribes_and_gets_fresh_snapshot()
    {
        // abort only once the client has read everything: a TCP reset discards unread data
        var deltaSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await Server(async (c, s) =>
        {
            await AnswerSubscribe(c, s, sid: c.Number);
            await c.SendAsync(Snapshot(c.Number, 1));
            if (c.Number == 1)
            {
                await c.SendAsync(Delta(1, 2));
                await deltaSeen.Task.WaitAsync(Patience);
                c.Abort();
                return;
            }
            await c.DrainAsync();
        });
        var feed = NewFeed(server);
        var stamps = new List<(long At, FeedEvent Event)>();

        var events = await feed.Source()
            .Select(e =>
            {
                lock (stamps) stamps.Add((Stopwatch.GetTimestamp(), e));
                if (e is BookDelta) deltaSeen.TrySetResult();
                return e;
            })
            .Take(8).RunWith(Sink.Seq<FeedEvent>(), _system.Materializer()).WaitAsync(Patience);

        Assert.True(events[1] is SubscriptionConfirmed, string.Join(" | ", events));
        Assert.Equal(
            [typeof(FeedConnected), typeof(SubscriptionConfirmed), typeof(BookSnapshot), typeof(BookDelta), typeof(FeedDisconnected),
             typeof(FeedConnected), typeof(SubscriptionConfirmed), typeof(BookSnapshot)],
            events.Select(e => e.GetType()).ToArray());
        Assert.True(events[4] is FeedDisconnected, string.Join(" | ", events));
        Assert.Equal(2, Assert.IsType<SubscriptionConfirmed>(events[6]).Sid);
        Assert.Equal(2, server.Connections);
        Assert.Equal(2, server.Commands.Count(c => c.Contains("\"subscribe\"")));
        var downAt = stamps.First(s => s.Event is FeedDisconnected).At;
        var wholeAt = stamps.Last().At;
        var resync = Stopwatch.GetElapsedTime(downAt, wholeAt);
        Assert.True(resync < TimeSpan.FromSeconds(2), $"resync took {resync}");
        var counters = feed.Counters.Snapshot();
        Assert.Equal(2, counters.Connects);
        Assert.Equal(1, counters.Disconnects);
    }

    [Fact]
    public async Task Malformed_and_foreign_frames_are_counted_and_skipped()
    {
        var server = await Server(async (c, s) =>
        {
            await AnswerSubscribe(c, s, sid: 1);
            await c.SendAsync("{not json");
            await c.SendAsync("""{"type":"orderbook_teleport","sid":1,"msg":{}}""");
            await c.SendAsync("""{"type":"orderbook_delta","sid":1,"seq":1,"msg":{"market_ticker":"KXNFLGAME-1-A","price_dollars":"7.00","delta_fp":"1.00","side":"yes"}}""");
            await c.SendAsync("""{"type":"orderbook_delta","sid":1,"seq":1,"msg":{"market_ticker":"KXNFLGAME-1-A","price_dollars":0.5,"delta_fp":["x"],"side":"yes"}}""");
            await c.SendAsync("""{"type":"trade","sid":2,"msg":{"trade_id":"t","market_ticker":"KXNFLTOTAL-26SEP20PHITEN-45","yes_price_dollars":"0.5","count_fp":"1.00"}}""");
            await c.SendAsync(Snapshot(1, 1));
            await c.DrainAsync();
        });
        var feed = NewFeed(server);

        var events = (await Collect(feed, 3).WaitAsync(Patience));

        Assert.IsType<BookSnapshot>(events[2]);
        var counters = feed.Counters.Snapshot();
        Assert.Equal(1, counters.Rejected(FeedRejectReason.InvalidJson));
        Assert.Equal(1, counters.Rejected(FeedRejectReason.UnknownType));
        Assert.Equal(1, counters.Rejected(FeedRejectReason.InvalidPrice));
        Assert.Equal(1, counters.Rejected(FeedRejectReason.WrongFieldType));
        Assert.Equal(1, counters.Rejected(FeedRejectReason.ForeignSeries));
        Assert.Equal(5, counters.TotalRejected);
    }

    [Fact]
    public async Task Corrupted_tickers_and_oversized_frames_are_counted_and_never_become_books()
    {
        var phantom = System.Text.Encoding.UTF8.GetBytes(
            """{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"KXNFLGAME-26SEP20PHITEN-PH#","price_dollars":"0.52","delta_fp":"1.00","side":"yes"}}""");
        phantom[Array.IndexOf(phantom, (byte)'#')] = 0xFF;
        // 64 KB of levels against a 4 KB limit, sent in 1 KB fragments: dropped while it streams in
        var levels = string.Join(",", Enumerable.Repeat("""["0.4700","3.00"]""", 4_000));
        var huge = System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"type":"orderbook_snapshot","sid":1,"seq":2,"msg":{"market_ticker":"{{{Phi}}}","yes_dollars_fp":[{{{levels}}}]}}""");
        var server = await Server(async (c, s) =>
        {
            await AnswerSubscribe(c, s, sid: 1);
            await c.SendAsync(Snapshot(1, 1));
            await c.SendRawAsync(phantom, fragment: 1024, binary: true);
            await c.SendRawAsync(huge, fragment: 1024);
            await c.SendAsync("""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"KXNFLGAME-26SEP20PHITEN-phi","price_dollars":"0.52","delta_fp":"1.00","side":"yes"}}""");
            await c.SendAsync($$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.52","delta_fp":"1.00","side":"yes"}}""");
            await c.DrainAsync();
        });
        var feed = NewFeed(server, o => o with { MaxFrameBytes = 4_096 });

        var events = await Collect(feed, 4).WaitAsync(Patience);

        Assert.IsType<BookSnapshot>(events[2]);
        var delta = Assert.IsType<BookDelta>(events[3]);
        Assert.Equal((Phi, 2L), (delta.MarketTicker, delta.Seq));
        var counters = feed.Counters.Snapshot();
        Assert.Equal(1, counters.Rejected(FeedRejectReason.InvalidUtf8));
        Assert.Equal(1, counters.Rejected(FeedRejectReason.FrameTooLarge));
        Assert.Equal(1, counters.Rejected(FeedRejectReason.InvalidTicker));
        Assert.Equal(3, counters.TotalRejected);
        // no snapshot was asked for a phantom market, and no gap was seen
        Assert.DoesNotContain(server.Commands, c => c.Contains("get_snapshot"));
        Assert.Equal(0, counters.Gaps);
    }

    [Fact]
    public async Task Silence_is_treated_as_a_dead_connection()
    {
        var server = await Server(async (c, s) =>
        {
            await AnswerSubscribe(c, s, sid: c.Number);
            if (c.Number >= 2) await c.SendAsync(Snapshot(c.Number, 1));
            await c.DrainAsync(); // connection 1 then says nothing at all
        });
        var feed = NewFeed(server, o => o with { SilenceTimeout = TimeSpan.FromMilliseconds(700) });

        var events = (await Collect(feed, 6).WaitAsync(Patience));

        var down = Assert.IsType<FeedDisconnected>(events[2]);
        Assert.Contains("silence", down.Reason);
        Assert.IsType<FeedConnected>(events[3]);
        Assert.IsType<BookSnapshot>(events[5]);
    }

    [Fact]
    public async Task Buffer_overflow_fails_the_connection_instead_of_dropping_deltas()
    {
        var server = await Server(async (c, s) =>
        {
            await AnswerSubscribe(c, s, sid: 1);
            await c.SendAsync(Snapshot(1, 1));
            if (c.Number == 1)
                for (var seq = 2; seq < 3_000; seq++) await c.SendAsync(Delta(1, seq));
            await c.DrainAsync();
        });
        var feed = NewFeed(server, o => o with { BufferSize = 16 });

        // a deliberately slow consumer: 50 events a second
        var events = await feed.Source()
            .Throttle(50, TimeSpan.FromSeconds(1), 50, ThrottleMode.Shaping)
            .TakeWhile(e => e is not FeedDisconnected, inclusive: true)
            .RunWith(Sink.Seq<FeedEvent>(), _system.Materializer()).WaitAsync(Patience);

        var down = Assert.IsType<FeedDisconnected>(events[^1]);
        Assert.Contains("overflow", down.Reason);
        // every delta that did get through is in sequence: nothing was silently skipped
        var seqs = events.OfType<BookDelta>().Select(d => d.Seq).ToArray();
        Assert.Equal(Enumerable.Range(2, seqs.Length).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task Bad_signature_is_refused_by_the_server_and_the_feed_keeps_retrying()
    {
        using var otherKey = RSA.Create(2048);
        using var wrongSigner = KalshiSigner.FromPem("key-ws", otherKey.ExportPkcs8PrivateKeyPem());
        var server = await Server((c, _) => c.DrainAsync());
        var feed = new KalshiFeed(new KalshiFeedOptions
        {
            Url = server.Url, InitialMarkets = [Phi], MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(100),
        }, wrongSigner);

        var events = (await Collect(feed, 2).WaitAsync(Patience));

        Assert.All(events, e => Assert.IsType<FeedDisconnected>(e));
        Assert.True(server.RejectedHandshakes >= 2);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Markets_added_at_runtime_are_sent_as_add_markets()
    {
        var added = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await Server(async (c, s) =>
        {
            await AnswerSubscribe(c, s, sid: 4);
            await c.SendAsync(Snapshot(4, 1));
            var cmd = await s.NextCommandAsync(c) ?? "";
            added.TrySetResult(cmd);
            var id = JsonDocument.Parse(cmd).RootElement.GetProperty("id").GetInt64();
            await c.SendAsync($$$"""{"type":"ok","id":{{{id}}},"sid":4,"msg":{"market_tickers":["{{{Phi}}}","KXNFLGAME-26SEP20PHITEN-TEN"]}}""");
            await c.DrainAsync();
        });
        var feed = NewFeed(server);
        var snapshotSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = feed.Source().Select(e =>
        {
            if (e is BookSnapshot) snapshotSeen.TrySetResult();
            return e;
        }).Take(4).RunWith(Sink.Seq<FeedEvent>(), _system.Materializer());

        await snapshotSeen.Task.WaitAsync(Patience);
        feed.AddMarkets(["KXNFLGAME-26SEP20PHITEN-TEN", "KXNFLSPREAD-X-Y"]);

        var cmd = JsonDocument.Parse(await added.Task.WaitAsync(Patience)).RootElement.GetProperty("params");
        Assert.Equal("add_markets", cmd.GetProperty("action").GetString());
        Assert.Equal(["KXNFLGAME-26SEP20PHITEN-TEN"], cmd.GetProperty("market_tickers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, cmd.GetProperty("sid").GetInt64());
        var ack = Assert.IsType<CommandAcknowledged>((await run.WaitAsync(Patience))[3]);
        Assert.Equal(2, ack.MarketTickers.Length);
    }
}
