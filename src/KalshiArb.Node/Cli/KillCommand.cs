using System.CommandLine;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Cli;

/// <summary>`kill`: halts the running node (every resting order canceled) or, with --reduce-only, lets only position-shrinking orders through.</summary>
public static class KillCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "the running node's data directory, where admin.json is (default ./data)" };
        var reduceOnly = new Option<bool>("--reduce-only") { Description = "allow orders that shrink a position instead of halting everything" };
        var reason = new Option<string>("--reason") { Description = "why (recorded in the risk journal)", Required = true };
        var cmd = new Command("kill", "Trip the running node's kill switch; exit 0 done, 2 no node running, 3 token rejected, 4 node not answering");
        cmd.Options.Add(dataDir);
        cmd.Options.Add(reduceOnly);
        cmd.Options.Add(reason);
        cmd.SetAction((parse, ct) =>
            AdminCommandCall.DataDirectory(parse.GetValue(dataDir), "kill", Console.Error) is { } dir
                ? RunAsync(dir, parse.GetValue(reduceOnly), parse.GetValue(reason)!, Console.Out, Console.Error, ct)
                : Task.FromResult((int)AdminCallOutcome.Failed));
        return cmd;
    }

    public static Task<int> RunAsync(string dataDirectory, bool reduceOnly, string reason, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        AdminCommandCall.RunAsync("kill", dataDirectory, stderr, (c, t) => c.KillAsync(reduceOnly, reason, t),
            reply => stdout.WriteLineAsync(KillSwitchLine(reply.Value!)), ct);

    internal static string KillSwitchLine(AdminKillSwitchAnswer a) =>
        $"kill switch: {AdminStatusText.KillSwitchWord(a.State)} ({a.Reason}); {a.InFlightExecutionIds.Count} orders in flight" +
        (a.InFlightExecutionIds.Count > 0 ? ": " + string.Join(", ", a.InFlightExecutionIds) : "");
}
