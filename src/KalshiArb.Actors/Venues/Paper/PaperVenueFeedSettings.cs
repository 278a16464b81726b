namespace KalshiArb.Actors.Venues.Paper;

/// <summary>How the <see cref="PaperVenueFeed"/> runs its market-data source again after it ends.</summary>
public sealed record PaperVenueFeedSettings
{
    /// <summary>Wait before the first re-run; doubled for every further end without an event in between.</summary>
    public TimeSpan MinRestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait never grows beyond this.</summary>
    public TimeSpan MaxRestartDelay { get; init; } = TimeSpan.FromSeconds(30);

    public static PaperVenueFeedSettings Default { get; } = new();

    /// <summary>Delay before re-run number <paramref name="consecutiveEnds"/> (1 = first end since data last flowed).</summary>
    public TimeSpan RestartDelay(int consecutiveEnds)
    {
        var min = MinRestartDelay > TimeSpan.Zero ? MinRestartDelay : TimeSpan.Zero;
        var max = MaxRestartDelay > min ? MaxRestartDelay : min;
        var delay = min;
        for (var i = 1; i < consecutiveEnds && delay < max; i++) delay += delay;
        return delay < max ? delay : max;
    }
}
