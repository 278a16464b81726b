using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace KalshiArb.Node.Hosting;

/// <summary>Builds the generic host: Serilog (console + rolling file) and the Akka actor system.</summary>
public static class NodeHostFactory
{
    public static Serilog.ILogger CreateLogger(NodeSettings settings) =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(
                Path.Combine(settings.LogDirectory, "kalshiarb-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {LogSource} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();

    public static IHost Build(NodeSettings settings, Serilog.ILogger logger, Action<AkkaConfigurationBuilder, IServiceProvider>? actors = null)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        if (settings.Store == KalshiArb.Actors.Persistence.PersistenceStore.Sqlite)
            KalshiArb.Actors.Persistence.SqliteJournalFile.Prepare(settings.EffectiveConnectionString);
        else
            KalshiArb.Actors.Persistence.PostgresJournal.Prepare(settings.EffectiveConnectionString);
        var akkaConfig = AkkaConfigComposer.Compose(settings);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.AddAkka(settings.SystemName, (akka, sp) =>
        {
            akka.AddHocon(akkaConfig, HoconAddMode.Prepend);
            akka.ConfigureLoggers(l =>
            {
                l.ClearLoggers();
                l.AddLoggerFactory();
            });
            actors?.Invoke(akka, sp);
        });
        return builder.Build();
    }
}
