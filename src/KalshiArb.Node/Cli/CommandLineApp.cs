using System.CommandLine;

namespace KalshiArb.Node.Cli;

/// <summary>The `kalshiarb` command line.</summary>
public static class CommandLineApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("KalshiArb: trades Kalshi sports game markets against sportsbook consensus");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ExchangeCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(KillCommand.Create());
        root.Subcommands.Add(ResumeCommand.Create());
        root.Subcommands.Add(SoakCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs. A command line the parser refuses (an unknown option, a bad --duration) is an operator's
    /// mistake: each error on one line and exit 2, without the whole help text burying it.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? error = null)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count == 0) return await parse.InvokeAsync();
        error ??= Console.Error;
        foreach (var e in parse.Errors) await error.WriteLineAsync($"cannot start: {e.Message}");
        var command = parse.CommandResult.Command.Name;
        await error.WriteLineAsync(parse.CommandResult.Command is RootCommand ? "see: kalshiarb --help" : $"see: kalshiarb {command} --help");
        return 2;
    }
}
