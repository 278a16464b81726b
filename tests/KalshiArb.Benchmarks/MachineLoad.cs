namespace KalshiArb.Benchmarks;

/// <summary>The machine's load average, printed beside figures because other builds may share the cores.</summary>
public static class MachineLoad
{
    public static string Describe() => $"{Environment.ProcessorCount} cores, load average (1/5/15 min) {Average()}";

    /// <summary>The 1, 5 and 15 minute load averages ("n/a" off Linux).</summary>
    public static string Average()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}
