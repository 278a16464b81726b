namespace KalshiArb.Actors.Execution;

/// <summary>An order timer's message coming back to its actor (local only: a timer never crosses the network).</summary>
public sealed record OrderTimerTick(object Key, long Generation, object Message);
