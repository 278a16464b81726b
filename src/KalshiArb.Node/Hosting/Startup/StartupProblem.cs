namespace KalshiArb.Node.Hosting.Startup;

/// <summary>One operator mistake found before the node starts: the setting or file it concerns and what to do.</summary>
public sealed record StartupProblem(string Subject, string Reason)
{
    public override string ToString() => $"{Subject}: {Reason}";
}
