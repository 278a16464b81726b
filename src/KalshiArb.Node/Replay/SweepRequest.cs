using KalshiArb.Node.Soak;

namespace KalshiArb.Node.Replay;

/// <summary>
/// A <c>replay --sweep</c>: one replay of <paramref name="Recording"/> per combination of <paramref name="Grid"/>, each a
/// child <c>kalshiarb replay</c> on its own journal in <paramref name="WorkDirectory"/>, at most
/// <paramref name="Parallel"/> at once.
/// </summary>
/// <param name="ConfigOverlayPath">the operator's --config; each combination's values are written after it</param>
public sealed record SweepRequest(string Recording, string Speed, string? ConfigOverlayPath, SweepGrid Grid, int Parallel, string WorkDirectory)
{
    /// <summary>Bound on one combination's replay, start to exit; past it the child is killed and its row failed.</summary>
    public TimeSpan CombinationTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How to start the child replays (the apphost, or <c>dotnet kalshiarb.dll</c> in tests).</summary>
    public SoakLauncher Launcher { get; init; } = SoakLauncher.Current();

    /// <summary>Half the cores: a replay keeps about two busy (the feed and the markets).</summary>
    public static int DefaultParallel => Math.Max(1, Environment.ProcessorCount / 2);
}
