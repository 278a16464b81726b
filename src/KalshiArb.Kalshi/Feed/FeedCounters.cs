using System.Collections.Immutable;

namespace KalshiArb.Kalshi.Feed;

/// <summary>Thread-safe feed counters: rejects per reason plus connection health.</summary>
public sealed class FeedCounters
{
    private readonly long[] _rejects = new long[Enum.GetValues<FeedRejectReason>().Length];
    private long _frames;
    private long _gaps;
    private long _connects;
    private long _disconnects;

    public void Reject(FeedRejectReason reason) => Interlocked.Increment(ref _rejects[(int)reason]);
    internal void Frame() => Interlocked.Increment(ref _frames);
    internal void Gap() => Interlocked.Increment(ref _gaps);
    internal void Connected() => Interlocked.Increment(ref _connects);
    internal void Disconnected() => Interlocked.Increment(ref _disconnects);

    public long Rejected(FeedRejectReason reason) => Interlocked.Read(ref _rejects[(int)reason]);

    public FeedCountersSnapshot Snapshot()
    {
        var b = ImmutableDictionary.CreateBuilder<FeedRejectReason, long>();
        for (var i = 1; i < _rejects.Length; i++)
        {
            var n = Interlocked.Read(ref _rejects[i]);
            if (n > 0) b[(FeedRejectReason)i] = n;
        }
        return new FeedCountersSnapshot(Interlocked.Read(ref _frames), b.ToImmutable(), Interlocked.Read(ref _gaps),
            Interlocked.Read(ref _connects), Interlocked.Read(ref _disconnects));
    }
}

/// <summary>A point-in-time copy of <see cref="FeedCounters"/>; Rejects holds only non-zero reasons.</summary>
public sealed record FeedCountersSnapshot(long Frames, ImmutableDictionary<FeedRejectReason, long> Rejects, long Gaps, long Connects, long Disconnects)
{
    public long Rejected(FeedRejectReason reason) => Rejects.GetValueOrDefault(reason);
    public long TotalRejected => Rejects.Values.Sum();
}
