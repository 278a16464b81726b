namespace KalshiArb.Node.Soak;

/// <summary>
/// A fault as it happened: when it was applied (after the soak started), how long the node took to be healthy again
/// (null: it did not heal within the bound) and anything worth saying (e.g. no signal came before a mid-submit kill).
/// </summary>
public sealed record FaultOutcome(PlannedFault Fault, TimeSpan AppliedAt, TimeSpan? HealTime, string? Note = null)
{
    public bool Recovered => HealTime is not null;
}
