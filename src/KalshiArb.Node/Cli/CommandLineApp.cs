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
        return root;
    }
}
