namespace KalshiArb.Actors.Execution;

public sealed record GetOpenOrderWatchStatus
{
    public static readonly GetOpenOrderWatchStatus Instance = new();
}

/// <summary>
/// What the open-order watch has done since it started: completed reads of the table (<paramref name="Sweeps"/>), how
/// many orders the last read listed, wakes sent, finished entries taken off, and the last read's failure (null after a
/// read that worked).
/// </summary>
public sealed record OpenOrderWatchStatus(long Sweeps, int LastListed, long Woken, long Removed, string? LastError);
