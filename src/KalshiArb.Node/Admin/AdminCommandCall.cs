using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Admin;

/// <summary>What `status`, `kill` and `resume` share: find the node, make one call, turn the outcome into an exit code.</summary>
public static class AdminCommandCall
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>--data-dir if given, else KA_DATA_DIR / ./data like `run`; null (reason written) when the environment is malformed.</summary>
    public static string? DataDirectory(string? option, string command, TextWriter stderr)
    {
        if (option is { Length: > 0 }) return option;
        try
        {
            return NodeSettings.FromEnvironment().DataDirectory;
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"{command}: {ex.Message}");
            return null;
        }
    }

    public static async Task<int> RunAsync<T>(string command, string dataDirectory, TextWriter stderr,
        Func<AdminClient, CancellationToken, Task<AdminReply<T>>> call, Func<AdminReply<T>, Task> onOk, CancellationToken ct) where T : class
    {
        using var client = AdminClient.Connect(dataDirectory, Timeout, out var problem);
        if (client is null)
        {
            await stderr.WriteLineAsync($"{command}: {problem}");
            return (int)AdminCallOutcome.NoNode;
        }
        var reply = await call(client, ct);
        if (reply.Outcome != AdminCallOutcome.Ok)
        {
            await stderr.WriteLineAsync($"{command}: {reply.Message}");
            return (int)reply.Outcome;
        }
        await onOk(reply);
        return (int)AdminCallOutcome.Ok;
    }
}
