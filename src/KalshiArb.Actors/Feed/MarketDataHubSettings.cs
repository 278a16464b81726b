namespace KalshiArb.Actors.Feed;

/// <summary>How the <see cref="MarketDataHub"/> runs the node's one market-data connection and treats its consumers.</summary>
public sealed record MarketDataHubSettings
{
    /// <summary>Wait before the first re-run of an ended source; doubled for every further end without an event in between.</summary>
    public TimeSpan MinRestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait never grows beyond this.</summary>
    public TimeSpan MaxRestartDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Events told to one consumer and not yet acknowledged, at most. A consumer at the window holds the source back
    /// (back-pressure), so no consumer's mailbox holds more than this many events.
    /// </summary>
    public int ConsumerWindow { get; init; } = 256;

    /// <summary>A consumer that holds the source back this long is cut (counted): it invalidates its books and subscribes again.</summary>
    public TimeSpan SlowConsumerTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A snapshot asked for and not seen for this long may be asked for again (one request per market until then).</summary>
    public TimeSpan SnapshotRequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public static MarketDataHubSettings Default { get; } = new();

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
