using Akka.Hosting;
using Akka.Logger.Serilog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// Builds the generic host: Serilog (the operator's console lines + a rolling file with everything) and the Akka actor
/// system, whose own log goes through Akka.Logger.Serilog into the same logger.
/// </summary>
public static class NodeHostFactory
{
    public static Serilog.ILogger CreateLogger(NodeSettings settings, OperatorConsole? console = null)
    {
        console ??= new OperatorConsole();
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Logger(c => c
                .Filter.ByIncludingOnly(e => !console.Paused && OperatorConsole.IsForOperator(e))
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}"))
            .WriteTo.Logger(c => c.Filter.ByIncludingOnly(OperatorConsole.IsActivity).WriteTo.Sink(console.Recent))
            .WriteTo.File(
                Path.Combine(settings.EffectiveLogDirectory, "kalshiarb-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {LogSource} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
    }

    public static IHost Build(NodeSettings settings, Serilog.ILogger logger, Action<AkkaConfigurationBuilder, IServiceProvider>? actors = null)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        if (settings.Store == KalshiArb.Actors.Persistence.PersistenceStore.Sqlite)
            KalshiArb.Actors.Persistence.SqliteJournalFile.Prepare(settings.EffectiveConnectionString);
        else
            KalshiArb.Actors.Persistence.PostgresJournal.Prepare(settings.EffectiveConnectionString);
        var akkaConfig = AkkaConfigComposer.Compose(settings);
        // Akka.Logger.Serilog writes to the process-wide logger: one node per process in production. Several nodes in
        // one test process share the last one built (their own host lines still go to their own logger).
        Log.Logger = logger;
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.AddAkka(settings.SystemName, (akka, sp) =>
        {
            akka.AddHocon(akkaConfig, HoconAddMode.Prepend);
            akka.ConfigureLoggers(l =>
            {
                l.ClearLoggers();
                l.AddSerilogLogging();
            });
            actors?.Invoke(akka, sp);
        });
        return builder.Build();
    }
}
