namespace KalshiArb.Benchmarks;

/// <summary>One reading of this process's memory after a forced full, compacting GC.</summary>
public sealed record ProcessMemory(long ManagedHeapBytes, long GcHeapSizeBytes, long WorkingSetBytes, long VmRssBytes)
{
    public static ProcessMemory AfterFullGc()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        var heap = GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
        return new ProcessMemory(managed, heap, Environment.WorkingSet, ReadVmRss());
    }

    /// <summary>VmRSS from /proc/self/status (kB → bytes); -1 where /proc is not there.</summary>
    private static long ReadVmRss()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return -1;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var digits = new string(line.AsSpan(6).Trim().ToString().TakeWhile(char.IsDigit).ToArray());
            return long.TryParse(digits, out var kb) ? kb * 1024 : -1;
        }
        return -1;
    }

    public static string Mb(long bytes) => bytes < 0 ? "n/a" : $"{bytes / (1024.0 * 1024.0):F1} MB";

    public override string ToString() =>
        $"managed {Mb(ManagedHeapBytes)} (GC heap {Mb(GcHeapSizeBytes)}), working set {Mb(WorkingSetBytes)}, VmRSS {Mb(VmRssBytes)}";
}
