namespace KalshiArb.Actors.Execution;

/// <summary>How an <see cref="OrderDesk"/> runs.</summary>
public sealed record OrderDeskSettings
{
    /// <summary>Subscribe to the venue's pushed fills and order updates (off only when something else routes them).</summary>
    public bool SubscribeToVenue { get; init; } = true;

    /// <summary>Subscribe to the gate's kill switch again at this interval (a moved singleton forgets subscribers).</summary>
    public TimeSpan GateResubscribeInterval { get; init; } = TimeSpan.FromSeconds(5);
}
