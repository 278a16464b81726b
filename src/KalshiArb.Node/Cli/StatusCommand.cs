using System.CommandLine;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Cli;

/// <summary>`status`: asks the running node (admin endpoint) for feed, odds, orders and risk. Exit codes: see <see cref="AdminCallOutcome"/>.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "the running node's data directory, where admin.json is (default ./data)" };
        var json = new Option<bool>("--json") { Description = "print the endpoint's JSON as is" };
        var cmd = new Command("status", "Show the running node's status; exit 0 ok, 2 no node running, 3 token rejected, 4 node not answering");
        cmd.Options.Add(dataDir);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) =>
            AdminCommandCall.DataDirectory(parse.GetValue(dataDir), "status", Console.Error) is { } dir
                ? RunAsync(dir, parse.GetValue(json), Console.Out, Console.Error, ct)
                : Task.FromResult((int)AdminCallOutcome.Failed));
        return cmd;
    }

    public static Task<int> RunAsync(string dataDirectory, bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        AdminCommandCall.RunAsync("status", dataDirectory, stderr, (c, t) => c.GetStatusAsync(t),
            reply => stdout.WriteAsync(json ? reply.Body + Environment.NewLine : AdminStatusText.Render(reply.Value!)), ct);
}
