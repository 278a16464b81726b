using System.Collections.Concurrent;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace KalshiArb.Actors.Tests.Feed;

/// <summary>A market-data source the test pushes events into; records what the feed asked of it.</summary>
public sealed class QueueMarketDataSource : IMarketDataSource
{
    private readonly TaskCompletionSource<ISourceQueueWithComplete<FeedEvent>> _queue = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Added { get; } = new();
    public ConcurrentQueue<string> SnapshotRequests { get; } = new();
    public int Materializations;

    public Source<FeedEvent, NotUsed> Source() =>
        Akka.Streams.Dsl.Source.Queue<FeedEvent>(1_000, OverflowStrategy.Backpressure)
            .MapMaterializedValue(q =>
            {
                Interlocked.Increment(ref Materializations);
                _queue.TrySetResult(q);
                return NotUsed.Instance;
            });

    public void AddMarkets(IReadOnlyCollection<string> tickers)
    {
        foreach (var t in tickers) Added.Enqueue(t);
    }

    public void RequestSnapshot(string ticker) => SnapshotRequests.Enqueue(ticker);

    public FeedCountersSnapshot? Counters() => null;

    public async Task Push(params FeedEvent[] events)
    {
        var q = await _queue.Task.WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var e in events)
        {
            var r = await q.OfferAsync(e);
            if (r is not QueueOfferResult.Enqueued) throw new InvalidOperationException($"offer refused: {r}");
        }
    }
}
