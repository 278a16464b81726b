using System.CommandLine;
using Akka.Actor;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Persistence;
using KalshiArb.Node.Admin;
using KalshiArb.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace KalshiArb.Node.Cli;

/// <summary>`run`: the main job. With no options: one process, all roles, the built-in simulator, SQLite under ./data.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var mode = new Option<TradingMode>("--mode") { Description = "sim | paper | live", DefaultValueFactory = _ => TradingMode.Sim };
        var config = new Option<string?>("--config") { Description = "a HOCON file whose settings override the shipped hocon/" };
        var duration = new Option<TimeSpan?>("--duration") { Description = "stop after this long (e.g. 00:01:30); default: until Ctrl-C" };
        var dataDir = new Option<string?>("--data-dir") { Description = "where the SQLite journal lives (default ./data)" };
        var adminPort = new Option<int?>("--admin-port")
        {
            Description = "loopback port of the admin endpoint used by status/kill/resume (default KA_ADMIN_PORT, else a free port; see <data-dir>/admin.json)",
        };

        var cmd = new Command("run", "Run the trading node (default: embedded simulator, sim venue, SQLite)");
        cmd.Options.Add(mode);
        cmd.Options.Add(config);
        cmd.Options.Add(duration);
        cmd.Options.Add(dataDir);
        cmd.Options.Add(adminPort);
        cmd.SetAction((parse, ct) =>
        {
            var settings = NodeSettings.FromEnvironment() with
            {
                Mode = parse.GetValue(mode),
                ConfigOverlayPath = parse.GetValue(config),
                Duration = parse.GetValue(duration),
            };
            if (parse.GetValue(dataDir) is { } d) settings = settings with { DataDirectory = d };
            return RunAsync(settings, ct, parse.GetValue(adminPort));
        });
        return cmd;
    }

    public static async Task<int> RunAsync(NodeSettings settings, CancellationToken ct, int? adminPort = null)
    {
        var logger = NodeHostFactory.CreateLogger(settings);
        try
        {
            var port = adminPort ?? AdminEndpointOptions.PortFromEnvironment();
            if (port is < 0 or > 65535)
            {
                logger.Error("--admin-port must be 0..65535, got {Port}", port);
                return 2;
            }
            if (settings.Mode != TradingMode.Sim)
            {
                // Refuse rather than pretend: live needs start-up reconciliation and an explicit confirmation,
                // paper needs the paper venue fed from the market feed; neither is wired into the host yet.
                logger.Error("--mode {Mode} is refused: this build runs only the sim mode (the embedded simulator)", settings.Mode);
                return 2;
            }

            logger.Information("starting node: {Settings}", settings.ToString());
            using var host = NodeHostFactory.Build(settings, logger);
            await host.StartAsync(ct);
            var system = host.Services.GetRequiredService<ActorSystem>();

            var check = system.ActorOf(JournalSelfCheckActor.Props($"journal-probe-{settings.SystemName}"), "journal-self-check");
            var result = await check.Ask<JournalCheckResult>(new JournalSelfCheckActor.Run(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
                TimeSpan.FromSeconds(30), ct);
            if (!result.Healthy)
            {
                logger.Error("journal self check failed, refusing to trade: {Reason}", result.Reason);
                await host.StopAsync(CancellationToken.None);
                return 3;
            }
            logger.Information("journal healthy ({Store}, probe seq {Seq})", settings.Store, result.SequenceNr);

            var config = TradingConfig.From(system.Settings.Config);
            var loggers = host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>();
            await using (var node = await SimTradingNode.StartAsync(system, settings, config, loggers, logger, ct))
            await using (var admin = await AdminEndpoint.StartAsync(AdminTargets.From(node, config.Limits),
                             new AdminEndpointOptions { DataDirectory = settings.DataDirectory, Port = port, AskTimeout = TimeSpan.FromSeconds(5) }, ct))
            {
                // The token stays in admin.json (owner-only); only where to find it is logged.
                logger.Information("admin endpoint on 127.0.0.1:{Port}, access in {File}", admin.Port, AdminAccess.PathIn(settings.DataDirectory));
                await ReportUntilStopAsync(node, config.StatusInterval, settings.Duration, logger, ct);
                logger.Information("stopping node");
                try
                {
                    logger.Information("final status: {Status}", (await StatusReporter.QueryAsync(node, TimeSpan.FromSeconds(5), CancellationToken.None)).ToString());
                }
                catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
                {
                    logger.Warning("final status unavailable: {Reason}", ex.Message);
                }
            }
            await host.StopAsync(CancellationToken.None);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex)
        {
            logger.Fatal(ex, "node failed");
            return 1;
        }
        finally
        {
            (logger as IDisposable)?.Dispose();
        }
    }

    private static async Task ReportUntilStopAsync(SimTradingNode node, TimeSpan every, TimeSpan? duration, Serilog.ILogger log, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (duration is { } d) stop.CancelAfter(d);
        using var timer = new PeriodicTimer(every);
        var unmatchedListed = -1;
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    var status = await StatusReporter.QueryAsync(node, TimeSpan.FromSeconds(5), stop.Token);
                    log.Information("status: {Status}", status.ToString());
                    if (status.Odds.UnmatchedMarkets != unmatchedListed && status.Odds.UnmatchedMarkets > 0)
                    {
                        // Markets that match no sportsbook event never trade: say which and why, once per change.
                        var unmatched = await node.Markets.OddsPoller.Ask<UnmatchedMarkets>(GetUnmatchedMarkets.Instance, TimeSpan.FromSeconds(5), stop.Token);
                        log.Warning("markets that will not trade (no sportsbook match):\n{Report}", unmatched.Text);
                    }
                    unmatchedListed = status.Odds.UnmatchedMarkets;
                }
                catch (AskTimeoutException ex)
                {
                    log.Warning("status query timed out: {Reason}", ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // duration reached or Ctrl-C: fall through to a graceful stop
        }
    }
}
