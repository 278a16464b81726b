namespace KalshiArb.Actors.Risk;

/// <summary>
/// A <see cref="RiskGateActor"/> tells its parent why it is about to stop (the parent sees only Terminated otherwise).
/// Local between parent and child; catalogued anyway so that serialize-messages test runs accept it.
/// </summary>
/// <param name="What">e.g. "journal write failed"</param>
/// <param name="Cause">the innermost exception's message</param>
public sealed record RiskGateStopping(string What, string Cause, DateTimeOffset At)
{
    /// <summary>"journal write failed at 23:11:49 (database or disk is full)".</summary>
    public string Describe() => $"{What} at {At:HH:mm:ss} ({Cause})";

    public static RiskGateStopping From(string what, Exception cause, DateTimeOffset at) => new(what, cause.GetBaseException().Message, at);
}
