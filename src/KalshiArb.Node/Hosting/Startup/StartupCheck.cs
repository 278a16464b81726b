using KalshiArb.Actors.Persistence;

namespace KalshiArb.Node.Hosting.Startup;

/// <summary>
/// Everything an operator can get wrong, checked before the actor system starts, so a mistake is one line that names
/// the setting or file (exit 2) rather than a stack trace after the cluster came up: folders, the journal store and its
/// reachability, the --config overlay and every kalshiarb setting, and the external exchange's URLs and key.
/// </summary>
public static class StartupCheck
{
    public static IReadOnlyList<StartupProblem> Run(NodeSettings settings, Func<string, string?> env, bool externalExchange)
    {
        var problems = new List<StartupProblem>();
        Add(problems, FolderCheck.Check("--data-dir/KA_DATA_DIR", settings.DataDirectory));
        Add(problems, FolderCheck.Check("KA_LOG_DIR", settings.EffectiveLogDirectory));
        var store = StoreCheck.Settings(settings);
        Add(problems, store);
        problems.AddRange(ConfigurationCheck(settings, store is null));
        if (externalExchange && settings.Mode != TradingMode.Live) problems.AddRange(ExchangeKeyCheck.External(env));
        // Last: only a store whose settings are right is worth a connection attempt.
        if (problems.Count == 0) Add(problems, StoreCheck.Reachable(settings));
        return problems;
    }

    private static IEnumerable<StartupProblem> ConfigurationCheck(NodeSettings settings, bool storeValid)
    {
        Akka.Configuration.Config shipped;
        try
        {
            shipped = AkkaConfigComposer.Compose(settings with
            {
                ConfigOverlayPath = null,
                ConnectionString = storeValid ? settings.ConnectionString : "Host=placeholder",
            });
        }
        catch (Exception ex) when (ex is ArgumentException or Akka.Configuration.ConfigurationException or InvalidOperationException)
        {
            return [new("deployment settings", ex.Message)];
        }
        if (settings.ConfigOverlayPath is { } overlay)
        {
            var found = ConfigOverlayCheck.Check(overlay, shipped);
            if (found.Count > 0) return found;
        }
        if (!storeValid) return [];
        try
        {
            // The same reading the node does after start: ranges and enumerations (must be positive, cancel|keep).
            TradingConfig.From(AkkaConfigComposer.Compose(settings));
            return [];
        }
        catch (Exception ex) when (ex is ArgumentException or Akka.Configuration.ConfigurationException or InvalidOperationException
                                       or FormatException or OverflowException)
        {
            return [new(settings.ConfigOverlayPath is { } o ? $"--config {o}" : "configuration", ex.Message)];
        }
    }

    private static void Add(List<StartupProblem> problems, StartupProblem? problem)
    {
        if (problem is not null) problems.Add(problem);
    }
}
