using KalshiArb.Domain.Book;
using KalshiArb.Domain.Detection;
using KalshiArb.Domain.Fees;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Load harness for the market-data hot path on one thread: parse a WS frame → apply it to that market's
/// book (seq-checked) → run detection for that market, for every message (no rate limit: the worst case).
/// Prints messages/s, per-message tick→decision latency percentiles, and memory for the books.
/// </summary>
public static class IngestHarness
{
    private const int DeltasPerPass = 200;

    public static void Run(int markets, int messages)
    {
        Console.WriteLine($"ingest harness: {markets} markets, {messages:N0} messages, parse → book → detection on every message");
        var tickers = Enumerable.Range(0, markets).Select(SyntheticFrames.Ticker).ToArray();
        var index = tickers.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);

        // One pass = a snapshot per market, then DeltasPerPass deltas per market, round robin.
        var pass = new List<byte[]>(markets * (DeltasPerPass + 1));
        foreach (var t in tickers) pass.Add(SyntheticFrames.Snapshot(t, 1));
        for (var k = 0; k < DeltasPerPass; k++)
            foreach (var t in tickers) pass.Add(SyntheticFrames.Delta(t, k + 2, k));

        ParserYardstick.Run(pass, messages);

        var memBefore = GC.GetTotalMemory(forceFullCollection: true);
        var books = tickers.Select(_ => new OrderBook(PriceGrid.Cents)).ToArray();
        var snapYes = new BookLevel[16];
        var snapNo = new BookLevel[16];
        for (var i = 0; i < markets; i++)
        {
            var s = (BookSnapshot)FeedFrameParser.Parse(pass[i]).Event!;
            books[i].ApplySnapshot(0, snapYes.AsSpan(0, Copy(s.YesBids, snapYes)), snapNo.AsSpan(0, Copy(s.NoBids, snapNo)));
        }
        var memBooks = GC.GetTotalMemory(forceFullCollection: true) - memBefore;
        var gameStart = DateTimeOffset.Parse("2026-11-24T00:00:00Z");
        var now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
        var policy = DetectionPolicy.Default;

        long signals = 0, skips = 0, refused = 0, applied = 0;
        var latencies = new long[messages];
        var skipReasons = new long[Enum.GetValues<SkipReason>().Length + 1];
        var yes = new BookLevel[16];
        var no = new BookLevel[16];

        var wall = Stopwatch.StartNew();
        var n = 0;
        while (n < messages)
        {
            foreach (var frame in pass)
            {
                if (n >= messages) break;
                var start = Stopwatch.GetTimestamp();
                var parsed = FeedFrameParser.Parse(frame);
                string? ticker = null;
                switch (parsed.Event)
                {
                    case BookSnapshot s:
                        ticker = s.MarketTicker;
                        var ny = Copy(s.YesBids, yes);
                        var nn = Copy(s.NoBids, no);
                        if (books[index[ticker]].ApplySnapshot(s.Seq, yes.AsSpan(0, ny), no.AsSpan(0, nn)) == BookUpdateResult.Applied) applied++;
                        else refused++;
                        break;
                    case BookDelta d:
                        ticker = d.MarketTicker;
                        if (books[index[ticker]].ApplyDelta(d.Seq, d.Side, d.Price, d.Delta) == BookUpdateResult.Applied) applied++;
                        else refused++;
                        break;
                    default:
                        refused++;
                        break;
                }
                if (ticker is not null)
                {
                    var decision = EdgeDetector.Evaluate(new DetectionInput
                    {
                        Ticker = ticker,
                        Book = books[index[ticker]],
                        FairYes = 0.55,
                        ConsensusBooks = 4,
                        Dispersion = 0.01,
                        OddsAge = TimeSpan.FromSeconds(20),
                        BookAge = TimeSpan.Zero,
                        GameStart = gameStart,
                        Now = now,
                        Bankroll = Money.FromDollars(10_000),
                        PerMarketCap = Quantity.FromContracts(200),
                        Fees = FeeSchedule.SportsGame,
                        DecisionBucket = n / 100_000,
                        Policy = policy,
                    });
                    if (decision is SignalDecision) signals++;
                    else
                    {
                        skips++;
                        if (decision is SkipDecision sk) skipReasons[(int)sk.Reason]++;
                    }
                }
                latencies[n] = Stopwatch.GetTimestamp() - start;
                n++;
            }
        }
        wall.Stop();

        GC.KeepAlive(books);
        Array.Sort(latencies, 0, n);
        double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        Console.WriteLine($"messages: {n:N0} in {wall.Elapsed.TotalSeconds:F2} s = {n / wall.Elapsed.TotalSeconds:N0} msg/s (one thread)");
        Console.WriteLine($"book updates applied {applied:N0}, refused {refused:N0}; decisions: {signals:N0} signals, {skips:N0} skips");
        Console.WriteLine("skips by reason: " + string.Join(", ", Enum.GetValues<SkipReason>().Where(r => skipReasons[(int)r] > 0).Select(r => $"{r}={skipReasons[(int)r]:N0}")));
        Console.WriteLine($"tick→decision latency µs: p50 {Us(latencies[n / 2]):F2}  p99 {Us(latencies[(int)(n * 0.99)]):F2}  p99.9 {Us(latencies[(int)(n * 0.999)]):F2}  max {Us(latencies[n - 1]):F2}");
        Console.WriteLine($"books: {markets} books hold {memBooks / 1024.0 / 1024.0:F2} MB managed after their snapshots; process working set {Environment.WorkingSet / 1024.0 / 1024.0:F0} MB (incl. the frame pool)");
        Console.WriteLine($"gen0/1/2 collections: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }

    private static int Copy(System.Collections.Immutable.ImmutableArray<BookLevel> from, BookLevel[] to)
    {
        from.CopyTo(to);
        return from.Length;
    }
}
