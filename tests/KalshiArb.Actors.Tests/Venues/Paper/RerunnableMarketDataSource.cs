using System.Collections.Concurrent;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace KalshiArb.Actors.Tests.Venues.Paper;

/// <summary>
/// A market-data source the test pushes events into, one queue per materialization (run), so a spec can end a
/// run and feed the next one. Records what the feed asked of it.
/// </summary>
public sealed class RerunnableMarketDataSource : IMarketDataSource
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource<ISourceQueueWithComplete<FeedEvent>>> _runs = new();
    private int _materializations;

    public ConcurrentQueue<string> Added { get; } = new();
    public ConcurrentQueue<string> SnapshotRequests { get; } = new();

    public int Materializations => Volatile.Read(ref _materializations);

    public Source<FeedEvent, NotUsed> Source() =>
        Akka.Streams.Dsl.Source.Queue<FeedEvent>(1_000, OverflowStrategy.Backpressure)
            .MapMaterializedValue(q =>
            {
                Run(Interlocked.Increment(ref _materializations)).TrySetResult(q);
                return NotUsed.Instance;
            });

    public void AddMarkets(IReadOnlyCollection<string> tickers)
    {
        foreach (var t in tickers) Added.Enqueue(t);
    }

    public void RequestSnapshot(string ticker) => SnapshotRequests.Enqueue(ticker);

    public FeedCountersSnapshot? Counters() => null;

    /// <summary>Pushes into the first run.</summary>
    public Task Push(params FeedEvent[] events) => PushToRun(1, events);

    public async Task PushToRun(int run, params FeedEvent[] events)
    {
        var q = await Queue(run);
        foreach (var e in events)
        {
            var r = await q.OfferAsync(e);
            if (r is not QueueOfferResult.Enqueued) throw new InvalidOperationException($"offer refused: {r}");
        }
    }

    /// <summary>Ends a run as a source ends when its connection is gone for good.</summary>
    public async Task CompleteRun(int run) => (await Queue(run)).Complete();

    private Task<ISourceQueueWithComplete<FeedEvent>> Queue(int run) => Run(run).Task.WaitAsync(TimeSpan.FromSeconds(10));

    private TaskCompletionSource<ISourceQueueWithComplete<FeedEvent>> Run(int run) =>
        _runs.GetOrAdd(run, _ => new TaskCompletionSource<ISourceQueueWithComplete<FeedEvent>>(TaskCreationOptions.RunContinuationsAsynchronously));
}
