namespace KalshiArb.Benchmarks;

/// <summary>The machine's load average, printed beside figures because other builds may share the cores.</summary>
public static class MachineLoad
{
    public static string Describe()
    {
        const string path = "/proc/loadavg";
        var load = File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
        return $"{Environment.ProcessorCount} cores, load average (1/5/15 min) {load}";
    }
}
