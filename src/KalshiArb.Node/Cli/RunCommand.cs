using System.CommandLine;
using Akka.Actor;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Persistence;
using KalshiArb.Node.Admin;
using KalshiArb.Node.Dashboard;
using KalshiArb.Node.Hosting;
using KalshiArb.Node.Hosting.Startup;
using Serilog;
using Spectre.Console;

namespace KalshiArb.Node.Cli;

/// <summary>`run`: the main job. With no options: one process, all roles, the built-in simulator, SQLite under ./data.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var mode = new Option<TradingMode>("--mode") { Description = "sim | paper | live", DefaultValueFactory = _ => TradingMode.Sim };
        var config = new Option<string?>("--config") { Description = "a HOCON file whose settings override the shipped hocon/" };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = $"stop after this long ({OperatorDuration.Examples}); default: until Ctrl-C",
            CustomParser = result => OperatorDuration.FromArgument(result, "--duration"),
        };
        var dataDir = new Option<string?>("--data-dir") { Description = "where the SQLite journal lives (default ./data)" };
        var adminPort = new Option<int?>("--admin-port")
        {
            Description = "loopback port of the admin endpoint used by status/kill/resume (default KA_ADMIN_PORT, else a free port; see <data-dir>/admin.json)",
        };

        var confirmLive = new Option<string?>("--confirm-live")
        {
            Description = $"with --mode live: the phrase {KalshiArb.Node.Live.LiveConfirmation.FlagPhrase} (otherwise you are asked to type LIVE)",
        };
        var allowForeign = new Option<bool>("--allow-foreign-orders")
        {
            Description = "with --mode live: start even though the account has resting orders this system did not place (warned, not failed)",
        };

        var exchangeEnv = new Option<KalshiEnvironment>("--env")
        {
            Description = "with --mode live: prod (real money) | demo (Kalshi's demo exchange, demo keys, play money)",
            DefaultValueFactory = _ => KalshiEnvironment.Prod,
        };
        var noDashboard = new Option<bool>("--no-dashboard")
        {
            Description = "log the status line and one line per fill and order end instead of the live dashboard (always so without a terminal)",
        };

        var record = new Option<string?>("--record")
        {
            Description = "record every market-data frame (byte for byte, with its receive time), every odds answer and the discovered catalog " +
                          "into this directory, for `kalshiarb replay` (no credentials are recorded)",
        };

        var cmd = new Command("run", "Run the trading node (default: embedded simulator, sim venue, SQLite)");
        cmd.Options.Add(record);
        cmd.Options.Add(mode);
        cmd.Options.Add(config);
        cmd.Options.Add(duration);
        cmd.Options.Add(dataDir);
        cmd.Options.Add(adminPort);
        cmd.Options.Add(confirmLive);
        cmd.Options.Add(allowForeign);
        cmd.Options.Add(exchangeEnv);
        cmd.Options.Add(noDashboard);
        cmd.SetAction((parse, ct) =>
        {
            NodeSettings fromEnvironment;
            try
            {
                fromEnvironment = NodeSettings.FromEnvironment();
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"cannot start: {ex.Message}");
                return Task.FromResult(2);
            }
            var settings = fromEnvironment with
            {
                Mode = parse.GetValue(mode),
                ConfigOverlayPath = parse.GetValue(config),
                Duration = parse.GetValue(duration),
                Exchange = parse.GetValue(exchangeEnv),
                RecordDirectory = parse.GetValue(record),
            };
            if (parse.GetValue(dataDir) is { } d) settings = settings with { DataDirectory = d };
            // The dashboard needs a terminal both ways: a screen to draw on and keys to read.
            var dashboard = !parse.GetValue(noDashboard) && !Console.IsOutputRedirected && !Console.IsInputRedirected;
            return RunAsync(settings, ct, parse.GetValue(adminPort), confirmLive: parse.GetValue(confirmLive), allowForeignOrders: parse.GetValue(allowForeign),
                dashboard: dashboard);
        });
        return cmd;
    }

    public static async Task<int> RunAsync(NodeSettings settings, CancellationToken ct, int? adminPort = null, Func<string, string?>? env = null,
        string? confirmLive = null, bool allowForeignOrders = false, bool dashboard = false)
    {
        env ??= Environment.GetEnvironmentVariable;
        OwnerOnlyFiles.RestrictNewFiles();
        var operatorConsole = new OperatorConsole();
        var logger = NodeHostFactory.CreateLogger(settings, operatorConsole);
        try
        {
            var problems = StartupCheck.Run(settings, env, ExchangeConnection.IsExternalConfigured(env));
            if (problems.Count > 0)
            {
                foreach (var problem in problems) logger.Error("cannot start: {Problem}", problem.ToString());
                return 2;
            }
            if (OwnerOnlyFiles.Tighten(settings) is > 0 and var tightened)
                logger.Warning("{Count} journal/log files were readable by other users; now owner-only", tightened);
            var port = adminPort ?? AdminEndpointOptions.PortFromEnvironment();
            if (port is < 0 or > 65535)
            {
                logger.Error("--admin-port must be 0..65535, got {Port}", port);
                return 2;
            }
            if (settings.Exchange != KalshiEnvironment.Prod && settings.Mode != TradingMode.Live)
            {
                // sim and paper never reach Kalshi: an --env there would suggest a demo account is being traded.
                logger.Error("--env {Env} applies only to --mode live (sim and paper run on the built-in simulator)", settings.Exchange.ToString().ToLowerInvariant());
                return 2;
            }
            ExchangeConnection? live = null;
            if (settings.Mode == TradingMode.Live)
            {
                var gate = await KalshiArb.Node.Live.LiveStartGate.CheckAsync(settings, env, confirmLive, allowForeignOrders,
                    Console.In, !Console.IsInputRedirected, Console.Out, logger, ct);
                if (!gate.Started)
                {
                    logger.Error("live trading refused: {Reason}", gate.Detail);
                    return (int)gate.Refusal;
                }
                live = gate.Exchange;
            }
            else if (confirmLive is not null || allowForeignOrders)
            {
                logger.Error("--confirm-live and --allow-foreign-orders apply only to --mode live");
                return 2;
            }
            if (settings.Mode == TradingMode.Paper && settings.SeedNodes.Count > 0)
            {
                // Each execution node would keep its own paper account: refuse rather than split the book.
                logger.Error("--mode paper runs on a single node (each node would keep its own paper account)");
                return 2;
            }
            var external = live is not null || ExchangeConnection.IsExternalConfigured(env);
            if (settings.SeedNodes.Count > 0 && !external)
            {
                // Each node would start its own simulator: the cluster would trade on several different exchanges.
                logger.Error("a cluster node needs one shared exchange: start `kalshiarb exchange` and set KALSHI_REST_URL, KALSHI_WS_URL, " +
                             "ODDS_API_URL, KALSHI_API_KEY_ID and KALSHI_PRIVATE_KEY_PATH");
                return 2;
            }

            logger.Information("starting node: {Settings}", settings.ToString());
            TradingNode started;
            try
            {
                started = await TradingNode.StartAsync(settings, logger, (config, token) =>
                    live is not null ? Task.FromResult(live)
                    : external ? ExchangeConnection.ExternalSimulatorAsync(env, token)
                    : ExchangeConnection.EmbeddedAsync(settings, config, token), ct);
            }
            catch (JournalCheckFailedException ex)
            {
                logger.Error("journal self check failed, refusing to trade: {Reason}", ex.Reason);
                return 3;
            }
            await using var node = started;
            var system = node.System;
            var config = node.Config;
            var exchange = node.Exchange;
            var downed = false;
            await using (var admin = await AdminEndpoint.StartAsync(AdminTargets.From(node, config.Limits),
                             new AdminEndpointOptions { DataDirectory = settings.DataDirectory, Port = port, AskTimeout = TimeSpan.FromSeconds(5) }, ct))
            {
                // The token stays in admin.json (owner-only); only where to find it is logged.
                logger.Information("admin endpoint on 127.0.0.1:{Port}, access in {File}", admin.Port, AdminAccess.PathIn(settings.DataDirectory));
                using (var stop = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    if (settings.Duration is { } d) stop.CancelAfter(d);
                    var report = ReportUntilStopAsync(node, config.StatusInterval, logger, stop);
                    if (settings.HasRole(KalshiArb.Actors.Cluster.ClusterRoles.Market))
                        await MarketDiscoveryProgress.WaitAsync(node.Markets.Catalog, dashboard, operatorConsole, logger, stop.Token);
                    if (dashboard) await ShowDashboardAsync(settings, exchange, admin.Port, operatorConsole, logger, stop);
                    downed = await report;
                }
                logger.Information("stopping node");
                if (!system.WhenTerminated.IsCompleted)
                {
                    try
                    {
                        logger.Information("final status: {Status}", (await StatusReporter.QueryAsync(node, TimeSpan.FromSeconds(5), CancellationToken.None)).ToString());
                    }
                    catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
                    {
                        logger.Warning("final status unavailable: {Reason}", ex.Message);
                    }
                }
                // Coordinated shutdown: the feed stops, orders drain (kalshiarb.shutdown), regions hand off, the node leaves.
                await node.StopAsync();
            }
            // Stopped on purpose (duration, Ctrl-C, the dashboard's Q): 0; the cluster took the node down: 1.
            return downed ? 1 : 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or Akka.Configuration.ConfigurationException or FileNotFoundException)
        {
            // An operator's mistake (a setting, a file): its reason, not a stack trace.
            logger.Error("cannot start: {Reason}", ex.Message);
            return 2;
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

    /// <summary>The live dashboard until the run stops; it reads and acts through the node's own admin endpoint, like `status`/`kill`.</summary>
    private static async Task ShowDashboardAsync(NodeSettings settings, ExchangeConnection exchange, int adminPort, OperatorConsole operatorConsole,
        Serilog.ILogger log, CancellationTokenSource stop)
    {
        using var client = AdminClient.Connect(settings.DataDirectory, TimeSpan.FromSeconds(5), out var problem);
        if (client is null)
        {
            log.Warning("no dashboard: {Problem}", problem);
            return;
        }
        var nodeText = $"{settings.Mode.ToString().ToLowerInvariant()} · {exchange} · admin 127.0.0.1:{adminPort}";
        var session = new DashboardSession(AnsiConsole.Console, client, operatorConsole, new TerminalKeys(), nodeText, stop.Cancel, log);
        await session.RunAsync(stop.Token);
    }

    /// <summary>
    /// The one-line status every StatusInterval (console without a dashboard, always the log file) until <paramref name="stop"/>;
    /// true when it ended because the actor system terminated by surprise (the node was downed).
    /// </summary>
    private static async Task<bool> ReportUntilStopAsync(TradingNode node, TimeSpan every, Serilog.ILogger log, CancellationTokenSource stop)
    {
        // A node the cluster downed (split-brain resolver) terminates its actor system: stop reporting then.
        var downed = false;
        _ = node.System.WhenTerminated.ContinueWith(_ =>
        {
            // Only a surprise is a warning: after Ctrl-C or --duration the node is stopping on purpose (and the token
            // source may already be disposed).
            if (stop.IsCancellationRequested) return;
            log.Warning("actor system terminated (node left or was downed)");
            downed = true; // read after the cancel below wakes the loop: the cancel orders the write first
            stop.Cancel();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        using var timer = new PeriodicTimer(every);
        var unmatchedListed = -1;
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    var status = await StatusReporter.QueryAsync(node, TimeSpan.FromSeconds(5), stop.Token);
                    if (status.Silent.Count > 0) log.Warning("status: {Status}", status.ToString());
                    else log.Information("status: {Status}", status.ToString());
                    if (status.Odds is not { } odds || odds.UnmatchedMarkets == unmatchedListed) continue;
                    if (odds.UnmatchedMarkets > 0)
                    {
                        // Markets that match no sportsbook event never trade: say which and why, once per change.
                        var unmatched = await node.Markets.OddsPoller.Ask<UnmatchedMarkets>(GetUnmatchedMarkets.Instance, TimeSpan.FromSeconds(5), stop.Token);
                        log.Warning("markets that will not trade (no sportsbook match):\n{Report}", unmatched.Text);
                    }
                    unmatchedListed = odds.UnmatchedMarkets;
                }
                catch (AskTimeoutException ex)
                {
                    log.Warning("status query timed out: {Reason}", ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // duration reached, Ctrl-C or the dashboard's Q: fall through to a graceful stop
        }
        return downed;
    }
}
