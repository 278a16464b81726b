using System.CommandLine;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Cli;

/// <summary>`resume`: the only way back to trading after `kill`.</summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "the running node's data directory, where admin.json is (default ./data)" };
        var reason = new Option<string>("--reason") { Description = "why (recorded in the risk journal)", Required = true };
        var cmd = new Command("resume", "Resume trading on the running node; exit 0 done, 2 no node running, 3 token rejected, 4 node not answering");
        cmd.Options.Add(dataDir);
        cmd.Options.Add(reason);
        cmd.SetAction((parse, ct) =>
            AdminCommandCall.DataDirectory(parse.GetValue(dataDir), "resume", Console.Error) is { } dir
                ? RunAsync(dir, parse.GetValue(reason)!, Console.Out, Console.Error, ct)
                : Task.FromResult((int)AdminCallOutcome.Failed));
        return cmd;
    }

    public static Task<int> RunAsync(string dataDirectory, string reason, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        AdminCommandCall.RunAsync("resume", dataDirectory, stderr, (c, t) => c.ResumeAsync(reason, t),
            reply => stdout.WriteLineAsync(KillCommand.KillSwitchLine(reply.Value!)), ct);
}
