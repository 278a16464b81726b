namespace KalshiArb.Node.Admin;

/// <summary>The endpoint's answer: <paramref name="Value"/> and the raw JSON <paramref name="Body"/> when Ok, else a message for a person.</summary>
public sealed record AdminReply<T>(AdminCallOutcome Outcome, T? Value, string Body, string Message) where T : class
{
    public static AdminReply<T> Fail(AdminCallOutcome outcome, string message) => new(outcome, null, "", message);
}
