using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Exchange.Liquidity;
using Xunit.Abstractions;

namespace KalshiArb.Kalshi.Tests.EndToEnd;

/// <summary>The feed against the simulator: books built from our events must equal the exchange's books.</summary>
public sealed class SimulatorFeedTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly RSA _key = RSA.Create(2048);
    private readonly ActorSystem _system = ActorSystem.Create("sim-feed-tests", "akka.loglevel = WARNING");
    private readonly object _gate = new();
    private readonly Dictionary<string, LocalBook> _books = new();
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private ExchangeSimulator _sim = null!;
    private KalshiSigner _signer = null!;
    private int _deltas, _gaps, _snapshots, _connects, _listReplies;

    private sealed class LocalBook
    {
        public Dictionary<int, long> Yes { get; } = new();
        public Dictionary<int, long> No { get; } = new();
        public bool Whole { get; set; }
    }

    public async Task InitializeAsync()
    {
        _sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Accounts = [new SimAccount("key-feed", _key.ExportSubjectPublicKeyInfoPem(), Money.FromDollars(1000))],
            TickInterval = null,
            Seed = 11,
            Liquidity = new LiquidityOptions { ChurnAllQuotes = true, LevelsPerSide = 5 },
        });
        _signer = KalshiSigner.FromPem("key-feed", _key.ExportPkcs8PrivateKeyPem());
    }

    public async Task DisposeAsync()
    {
        await _system.Terminate();
        await _sim.DisposeAsync();
        _signer.Dispose();
        _key.Dispose();
    }

    private void Apply(FeedEvent e)
    {
        lock (_gate)
        {
            switch (e)
            {
                case FeedConnected:
                    _connects++;
                    break;
                case FeedDisconnected:
                    foreach (var b in _books.Values) b.Whole = false;
                    break;
                case BookSnapshot s:
                    var book = new LocalBook { Whole = true };
                    foreach (var l in s.YesBids) book.Yes[l.Price.Ticks] = l.Size.Hundredths;
                    foreach (var l in s.NoBids) book.No[l.Price.Ticks] = l.Size.Hundredths;
                    _books[s.MarketTicker] = book;
                    _snapshots++;
                    break;
                case BookDelta d when _books.TryGetValue(d.MarketTicker, out var target) && target.Whole:
                    var side = d.Side == OutcomeSide.Yes ? target.Yes : target.No;
                    var size = side.GetValueOrDefault(d.Price.Ticks) + d.Delta.Hundredths;
                    Assert.True(size >= 0, $"negative level {d}");
                    if (size == 0) side.Remove(d.Price.Ticks);
                    else side[d.Price.Ticks] = size;
                    _deltas++;
                    break;
                case BookGap g:
                    if (_books.TryGetValue(g.MarketTicker, out var broken)) broken.Whole = false;
                    _gaps++;
                    break;
                case CommandAcknowledged { Sid: null }:
                    _listReplies++;
                    break;
            }
            foreach (var w in _waiters.Where(w => w.Done()).ToArray())
            {
                _waiters.Remove(w);
                w.Signal.TrySetResult();
            }
        }
    }

    private Task Until(Func<bool> condition)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition()) return Task.CompletedTask;
            _waiters.Add((condition, tcs));
        }
        return tcs.Task.WaitAsync(Patience);
    }

    /// <summary>The simulator answers a command after every frame queued before it: a list reply means we are caught up.</summary>
    private async Task Sync(KalshiFeed feed)
    {
        int target;
        lock (_gate) target = _listReplies + 1;
        feed.ListSubscriptions();
        await Until(() => _listReplies >= target);
    }

    private void AssertBooksEqualExchange(string[] tickers)
    {
        lock (_gate)
        {
            foreach (var t in tickers)
            {
                var local = _books[t];
                Assert.True(local.Whole, $"{t} not whole");
                var state = _sim.Exchange.MarketState(t)!;
                Assert.Equal(state.YesLevels.Where(l => l.Size.Hundredths > 0).ToDictionary(l => l.Price.Ticks, l => l.Size.Hundredths).OrderBy(kv => kv.Key), local.Yes.OrderBy(kv => kv.Key));
                Assert.Equal(state.NoLevels.Where(l => l.Size.Hundredths > 0).ToDictionary(l => l.Price.Ticks, l => l.Size.Hundredths).OrderBy(kv => kv.Key), local.No.OrderBy(kv => kv.Key));
            }
        }
    }

    [Fact]
    public async Task Books_stay_equal_through_churn_gaps_and_a_dropped_connection()
    {
        var tickers = _sim.Exchange.Games().SelectMany(g => new[] { g.AwayMarketTicker, g.HomeMarketTicker }).ToArray();
        var feed = new KalshiFeed(new KalshiFeedOptions
        {
            Url = _sim.WsUrl,
            InitialMarkets = tickers,
            MarketChannels = ["orderbook_delta"],
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(500),
        }, _signer);
        var kill = feed.Source()
            .ViaMaterialized(KillSwitches.Single<FeedEvent>(), Keep.Right)
            .To(Sink.ForEach<FeedEvent>(Apply))
            .Run(_system.Materializer());
        try
        {
            await Until(() => _snapshots >= tickers.Length);

            // thousands of updates
            for (var round = 0; round < 5; round++)
            {
                for (var i = 0; i < 40; i++) _sim.Exchange.Tick();
                await Sync(feed);
                AssertBooksEqualExchange(tickers);
            }
            output.WriteLine($"deltas applied: {_deltas}");
            Assert.True(_deltas > 2000, $"only {_deltas} deltas");

            // a skipped seq: gap → get_snapshot → whole again
            _sim.Exchange.Faults.SkipNextSeq(tickers[0]);
            for (var i = 0; i < 5; i++) _sim.Exchange.Tick();
            await Until(() => _gaps > 0);
            await Sync(feed);
            await Sync(feed);
            AssertBooksEqualExchange(tickers);

            // forced disconnect: reconnect, resubscribe, every book whole again
            int snapshotsBefore;
            lock (_gate) snapshotsBefore = _snapshots;
            var sw = Stopwatch.StartNew();
            _sim.Exchange.Faults.DropAllConnections();
            await Until(() => _connects >= 2 && _snapshots >= snapshotsBefore + tickers.Length);
            var resync = sw.Elapsed;
            output.WriteLine($"reconnect to all {tickers.Length} books whole: {resync.TotalMilliseconds:F0} ms");
            Assert.True(resync < TimeSpan.FromSeconds(2), $"resync took {resync}");
            for (var i = 0; i < 20; i++) _sim.Exchange.Tick();
            await Sync(feed);
            AssertBooksEqualExchange(tickers);
            Assert.Equal(0, feed.Counters.Snapshot().TotalRejected);
        }
        finally
        {
            kill.Shutdown();
        }
    }
}
