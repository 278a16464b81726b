using KalshiArb.Recording.Reading;

namespace KalshiArb.Adapters.Recording.Data;

/// <summary>How far a replay got: records read, of them market-data frames and odds snapshots, and feed events handed on.</summary>
public sealed record ReplayProgress(long Records, long Frames, long OddsSnapshots, long Events)
{
    public ReadStatus Status { get; init; } = ReadStatus.Complete;
    public string? Fault { get; init; }
}
