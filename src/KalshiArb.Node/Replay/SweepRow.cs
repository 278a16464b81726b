namespace KalshiArb.Node.Replay;

/// <summary>One combination's outcome: its replay's summary, or why it has none (a failed or timed-out replay).</summary>
public sealed record SweepRow(SweepCombination Combination, ReplaySummary? Summary, string? Failure)
{
    public bool Failed => Summary is null;
}
