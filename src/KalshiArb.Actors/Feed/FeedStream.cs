using Akka.Streams;
using Akka.Streams.Dsl;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Actors.Feed;

/// <summary>
/// Runs an <see cref="IMarketDataSource"/> into an actor with back-pressure: the actor gets <see cref="Init"/>,
/// then the events in <see cref="FeedEventBatch"/>es (one event each while it keeps up), and must answer each batch with <see cref="Ack"/>; the end of the stream (or a
/// source that cannot even start) arrives as <see cref="Ended"/>, after which the actor re-runs it on a timer
/// with <see cref="Rerun"/>. Used by the node's <see cref="MarketDataHub"/>, the one place the source runs.
/// </summary>
internal static class FeedStream
{
    internal sealed class Init
    {
        public static readonly Init Instance = new();
    }

    internal sealed class Ack
    {
        public static readonly Ack Instance = new();
    }

    /// <param name="Run">The run's tag given to <see cref="Run"/>: an end of an earlier run (e.g. one a restarted actor shut down) can be told apart.</param>
    internal sealed record Ended(string Reason, long Run = 0);

    internal sealed class Rerun
    {
        public static readonly Rerun Instance = new();
    }

    /// <summary>Events gathered into one <see cref="FeedEventBatch"/> at most (the hub's consumer window is 256 events).</summary>
    internal const int MaxBatch = 128;

    /// <summary>Materializes the source into <paramref name="self"/>; null when it failed to start (then <see cref="Ended"/> is on its way).</summary>
    public static UniqueKillSwitch? Run(IMarketDataSource source, IActorRef self, IMaterializer materializer, long run = 0)
    {
        var sink = Sink.ActorRefWithAck<FeedEventBatch>(self, Init.Instance, Ack.Instance,
            new Ended("completed", run), ex => new Ended($"{ex.GetType().Name}: {ex.Message}", run));
        try
        {
            return source.Source()
                .ViaMaterialized(KillSwitches.Single<FeedEvent>(), Keep.Right)
                // while the actor works on one batch the next gathers here (none gathers while it keeps up: no added wait)
                .Batch(MaxBatch, e => new FeedEventBatch(e), (batch, e) => batch.Add(e))
                .To(sink)
                .Run(materializer);
        }
        catch (Exception ex)
        {
            // A source that cannot even start is retried on the same backoff as one that ended.
            self.Tell(new Ended($"start failed: {ex.GetType().Name}: {ex.Message}", run));
            return null;
        }
    }
}
