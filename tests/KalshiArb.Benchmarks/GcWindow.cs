using System.Runtime;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Garbage collections during one measured window, printed beside its figures: on 2 cores a collection pauses every
/// thread, so the tail of a latency figure is often the GC's. <see cref="Pauses"/> says which collections paused for
/// how long (the window ends for them at <see cref="Describe"/>).
/// </summary>
public sealed class GcWindow : IDisposable
{
    private readonly GcPauseListener _pauses = new();
    private readonly int _gen0 = GC.CollectionCount(0);
    private readonly int _gen1 = GC.CollectionCount(1);
    private readonly int _gen2 = GC.CollectionCount(2);
    private readonly TimeSpan _paused = GC.GetTotalPauseDuration();
    private readonly long _allocated = GC.GetTotalAllocatedBytes();
    private readonly long _allocatedPrecise = GC.GetTotalAllocatedBytes(precise: true);

    private GcWindow() => _pauses.Begin();

    public static GcWindow Start() => new();

    /// <summary>The window's pauses by kind of collection, and what each generation's collections promoted.</summary>
    public IEnumerable<string> Pauses() => _pauses.Describe();

    public void Dispose() => _pauses.Dispose();

    public static string Mode =>
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Batch ? " (non-concurrent)" : "")}";

    public string Describe()
    {
        _pauses.End();
        return $"GC in the window ({Mode}): gen0 {GC.CollectionCount(0) - _gen0}, gen1 {GC.CollectionCount(1) - _gen1}, gen2 {GC.CollectionCount(2) - _gen2}; "
        + $"all threads paused {(GC.GetTotalPauseDuration() - _paused).TotalMilliseconds:F1} ms in total; "
        + $"allocated {(GC.GetTotalAllocatedBytes() - _allocated) / 1_048_576.0:F0} MB; heap after the last GC {GC.GetGCMemoryInfo().HeapSizeBytes / 1_048_576.0:F0} MB";
    }

    /// <summary>
    /// What does not depend on the machine's speed or load: bytes allocated per unit of work (e.g. per lifecycle), and
    /// collections per 1,000 units.
    /// </summary>
    public string DescribePer(long units, string unit)
    {
        var n = Math.Max(1, units);
        return $"per {unit}: {(GC.GetTotalAllocatedBytes(precise: true) - _allocatedPrecise) / (double)n:F0} B allocated; per 1,000 {unit}s: "
               + $"gen0 {(GC.CollectionCount(0) - _gen0) * 1000.0 / n:F2}, gen1 {(GC.CollectionCount(1) - _gen1) * 1000.0 / n:F2}, gen2 {(GC.CollectionCount(2) - _gen2) * 1000.0 / n:F2}";
    }
}
