namespace KalshiArb.Node.Soak;

/// <summary>
/// The seeded fault plan: same seed and duration, same faults at the same offsets. The first faults cover every kind
/// once in a seeded order (so even a short run exercises each), later ones are drawn at random. Nothing is planned in
/// the warm-up (the node starts and trades) or in the quiet tail (the system settles before it is compared).
/// </summary>
public static class FaultSchedule
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan QuietTail = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan MinGap = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(14);

    /// <param name="nodes">how many nodes a kill or SIGTERM may hit (each picked by the seed)</param>
    public static IReadOnlyList<PlannedFault> Plan(int seed, TimeSpan duration, int nodes = 1, IReadOnlyCollection<SoakFaultKind>? kinds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        var pool = (kinds ?? Enum.GetValues<SoakFaultKind>()).Distinct().ToArray();
        if (pool.Length == 0) return [];
        var rng = new Random(seed);
        var firstRound = pool.OrderBy(_ => rng.Next()).ToArray();
        var end = duration - QuietTail;
        var faults = new List<PlannedFault>();
        var at = WarmUp;
        while (at < end)
        {
            var kind = faults.Count < firstRound.Length ? firstRound[faults.Count] : pool[rng.Next(pool.Length)];
            var fault = Draw(rng, at, kind);
            if (kind.StopsNode()) fault = fault with { Target = rng.Next(nodes) };
            faults.Add(fault);
            at += fault.Hold + MinGap + TimeSpan.FromMilliseconds(rng.Next((int)(MaxGap - MinGap).TotalMilliseconds));
        }
        return faults;
    }

    private static PlannedFault Draw(Random rng, TimeSpan at, SoakFaultKind kind) => kind switch
    {
        SoakFaultKind.KillAfterSignal => new PlannedFault(at, kind, TimeSpan.Zero, rng.Next(0, 1501)),
        SoakFaultKind.RestDelay => new PlannedFault(at, kind, Seconds(rng, 4, 10), rng.Next(200, 1201)),
        SoakFaultKind.ServerErrorStorm or SoakFaultKind.RateLimitStorm => new PlannedFault(at, kind, Seconds(rng, 4, 10), rng.Next(30, 81)),
        SoakFaultKind.JournalLock => new PlannedFault(at, kind, Seconds(rng, 9, 11), 0),
        _ => new PlannedFault(at, kind, TimeSpan.Zero, 0),
    };

    private static TimeSpan Seconds(Random rng, int min, int max) => TimeSpan.FromMilliseconds(rng.Next(min * 1000, max * 1000 + 1));
}
