using KalshiArb.Recording.Writing;

namespace KalshiArb.Recording.Recorder;

/// <summary>How the node's recorder queues and flushes. The queue is bounded: when full, records are dropped and counted, never waited for.</summary>
public sealed record MarketDataRecorderOptions
{
    /// <summary>Records waiting for the writer thread; ~2 minutes of a 20-market feed at its busiest.</summary>
    public int QueueCapacity { get; init; } = 65_536;

    /// <summary>How often the writer thread seals a quiet block (so a kill -9 loses at most about this much).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Source id stamped on market-data frames (odds snapshots and markers use <see cref="OddsSourceId"/>).</summary>
    public uint FeedSourceId { get; init; } = 1;
    public uint OddsSourceId { get; init; }

    public RecordingWriterOptions Writer { get; init; } = new();

    public void Validate()
    {
        if (QueueCapacity is < 1 or > 10_000_000) throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "1 to 10,000,000");
        if (FlushInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(FlushInterval), FlushInterval, "must be positive");
        Writer.Validate();
    }
}
